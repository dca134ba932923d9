package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.IssuedCertificate;
import dev.skeeter.certs.KeyType;
import dev.skeeter.certs.PemFiles;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The certificate wizard's state and actions: a CA (new or loaded), a server certificate, client certificates, where
 * to write them, then the summary and the one-click mutual-TLS finish. FX thread only; loading the CA, generating
 * keys and restarting the broker run on the background executor and report back through the FX executor.
 */
public final class CertificateWizardViewModel {
    /** What the wizard needs from the app. Called on the FX thread. */
    public interface Host {
        /** The Local broker profile's port: the restarted broker keeps plain TCP there. */
        int localBrokerPort();

        Optional<Profile> findProfile(String id);

        /** Saves the profile, opens its workspace and connects; answers the workspace's connection state. */
        ObservableValue<ConnectionState> openAndConnect(Profile profile);
    }

    // page 1
    public final BooleanProperty newCa = new SimpleBooleanProperty(this, "newCa", true);
    public final StringProperty caName = new SimpleStringProperty(this, "caName");
    public final ObjectProperty<KeyType> caKeyType = new SimpleObjectProperty<>(this, "caKeyType");
    public final StringProperty caDays = new SimpleStringProperty(this, "caDays");
    // page 2
    public final StringProperty serverCn = new SimpleStringProperty(this, "serverCn");
    public final StringProperty serverNames = new SimpleStringProperty(this, "serverNames");
    public final ObjectProperty<KeyType> serverKeyType = new SimpleObjectProperty<>(this, "serverKeyType");
    public final StringProperty serverDays = new SimpleStringProperty(this, "serverDays");
    public final StringProperty tlsPort = new SimpleStringProperty(this, "tlsPort");
    // page 3
    public final StringProperty clientNames = new SimpleStringProperty(this, "clientNames");
    public final ObjectProperty<KeyType> clientKeyType = new SimpleObjectProperty<>(this, "clientKeyType");
    public final StringProperty clientDays = new SimpleStringProperty(this, "clientDays");
    // page 4
    public final StringProperty outputDir = new SimpleStringProperty(this, "outputDir");
    public final BooleanProperty encryptKeys = new SimpleBooleanProperty(this, "encryptKeys");
    public final StringProperty keyPassphrase = new SimpleStringProperty(this, "keyPassphrase", "");
    public final StringProperty keyPassphraseAgain = new SimpleStringProperty(this, "keyPassphraseAgain", "");
    public final BooleanProperty writePkcs12 = new SimpleBooleanProperty(this, "writePkcs12");
    public final StringProperty p12Password = new SimpleStringProperty(this, "p12Password", "");

    private final Executor fx;
    private final Executor background;
    private final MutualTlsSetup mutualTls;
    private final Host host;
    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>(this, "page", WizardPage.CA);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ExistingCaFiles existingCa;
    private final ObservableList<Path> existingFiles = FXCollections.observableArrayList();
    private final ObservableList<CertificateWriter.Written> written = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper snippet = new ReadOnlyStringWrapper(this, "snippet", "");
    private final ReadOnlyStringWrapper commands = new ReadOnlyStringWrapper(this, "commands", "");
    private final ReadOnlyStringWrapper finishStatus = new ReadOnlyStringWrapper(this, "finishStatus", "");
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private WizardSettings settings;
    private CertificateBatch.Result result;

    public CertificateWizardViewModel(Path defaultOutputDir, Executor fx, Executor background,
            MutualTlsSetup mutualTls, Host host) {
        this.fx = fx;
        this.background = background;
        this.mutualTls = mutualTls;
        this.host = host;
        this.existingCa = new ExistingCaFiles(fx, background);
        WizardSettings d = WizardSettings.defaults(defaultOutputDir);
        caName.set(d.caSubject());
        caKeyType.set(d.caKeyType());
        caDays.set(String.valueOf(d.caDays()));
        serverCn.set(d.serverCn());
        serverNames.set(String.join(", ", d.serverNames().stream().map(n -> n.substring(n.indexOf(':') + 1))
                .toList()));
        serverKeyType.set(d.serverKeyType());
        serverDays.set(String.valueOf(d.serverDays()));
        tlsPort.set(String.valueOf(d.tlsPort()));
        clientNames.set(String.join("\n", d.clientNames()));
        clientKeyType.set(d.clientKeyType());
        clientDays.set(String.valueOf(d.clientDays()));
        outputDir.set(defaultOutputDir.toString());
        newCa.addListener((obs, old, now) -> error.set(null));
    }

    public ReadOnlyObjectProperty<WizardPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    /** Why the page cannot go on, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the CA loads, keys are generated or the broker restarts. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0 to 1 while generating. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The files of an existing CA, when {@link #newCa} is off. */
    public ExistingCaFiles existingCa() {
        return existingCa;
    }

    /** Files that exist already, shown with Replace / Cancel; empty when nothing is being asked. */
    public ObservableList<Path> existingFiles() {
        return existingFiles;
    }

    public ObservableList<CertificateWriter.Written> written() {
        return written;
    }

    public ReadOnlyStringProperty snippetProperty() {
        return snippet.getReadOnlyProperty();
    }

    /** The equivalent {@code skeeter cert} commands, one a line. */
    public ReadOnlyStringProperty commandsProperty() {
        return commands.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty finishStatusProperty() {
        return finishStatus.getReadOnlyProperty();
    }

    /** The mutual-TLS workspace's state after the finish, or null before. */
    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** What was generated, or null before the files are written. */
    public CertificateBatch.Result result() {
        return result;
    }

    public boolean canGoBack() {
        return page.get() != WizardPage.CA && !busy.get();
    }

    public void back() {
        if (canGoBack()) {
            error.set(null);
            existingFiles.clear();
            page.set(WizardPage.values()[page.get().ordinal() - 1]);
        }
    }

    /** Checks the page and moves on; on the Files page this writes the certificates (asking before replacing). */
    public void next() {
        if (busy.get()) {
            return;
        }
        error.set(null);
        try {
            switch (page.get()) {
                case CA -> checkCa();
                case SERVER -> {
                    readServer();
                    page.set(WizardPage.CLIENTS);
                }
                case CLIENTS -> {
                    WizardInputs.clientNames(clientNames.get());
                    WizardInputs.days(clientDays.get(), "Validity");
                    page.set(WizardPage.OUTPUT);
                }
                case OUTPUT -> create(false);
                case DONE -> { }
                default -> throw new IllegalStateException(page.get().toString());
            }
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** The answer to the existing-files question: replace them. */
    public void replaceExisting() {
        existingFiles.clear();
        if (settings != null) {
            generate(settings, true);
        }
    }

    public void keepExisting() {
        existingFiles.clear();
        error.set("Nothing was written. Choose another folder, or replace the files.");
    }

    /**
     * The one click: restarts the local broker with a TLS listener on the new server certificate that requires a
     * client certificate, saves the mutual-TLS profile for the first client, opens its workspace and connects.
     */
    public void finish() {
        if (result == null || busy.get()) {
            return;
        }
        CertificateBatch.Result files = result;
        WizardSettings used = settings;
        busy.set(true);
        error.set(null);
        finishStatus.set("Restarting the local broker with TLS…");
        mutualTls.startBroker(files, host.localBrokerPort(), used.tlsPort())
                .whenComplete((started, failure) -> fx.execute(() -> {
                    busy.set(false);
                    if (failure != null) {
                        finishStatus.set("");
                        error.set("The local broker could not start with TLS: " + message(failure));
                        return;
                    }
                    Profile profile = MutualTlsSetup.profile(host.findProfile(MutualTlsSetup.PROFILE_ID), files,
                            started.tlsPort(), used.keyPassphrase());
                    finishStatus.set("The local broker listens with TLS on 127.0.0.1:" + started.tlsPort()
                            + " and requires a client certificate from this CA"
                            + (started.plainPort() > 0 ? " (plain TCP stays on port " + started.plainPort() + ")"
                            : "") + ". The profile \"" + profile.name() + "\" connects as "
                            + files.clients().get(0).commonName() + ".");
                    connection.bind(host.openAndConnect(profile));
                }));
    }

    private void checkCa() {
        if (newCa.get()) {
            WizardInputs.required(caName.get(), "The CA's name");
            WizardInputs.days(caDays.get(), "Validity");
            page.set(WizardPage.SERVER);
            return;
        }
        Path cert = WizardInputs.path(existingCa.certificate.get(), "The CA certificate");
        Path key = WizardInputs.path(existingCa.key.get(), "The CA key");
        char[] passphrase = existingCa.passphrase.get().toCharArray();
        run(() -> {
            if (PemFiles.isEncryptedKey(key) && passphrase.length == 0) {
                throw new IllegalArgumentException("The CA key is encrypted: enter its passphrase.");
            }
            return IssuedCertificate.loadCa(cert, key, passphrase);
        }, loaded -> page.set(WizardPage.SERVER), failure -> {
            if (failure.contains("encrypted")) {
                existingCa.markEncrypted();
            }
            error.set(failure);
        });
    }

    private void readServer() {
        WizardInputs.required(serverCn.get(), "The common name");
        WizardInputs.serverNames(serverNames.get());
        WizardInputs.days(serverDays.get(), "Validity");
        WizardInputs.port(tlsPort.get());
    }

    private WizardSettings settings() {
        boolean encrypt = encryptKeys.get();
        if (encrypt && keyPassphrase.get().isEmpty()) {
            throw new IllegalArgumentException("Enter the passphrase that encrypts the keys, or untick the option.");
        }
        if (encrypt && !keyPassphrase.get().equals(keyPassphraseAgain.get())) {
            throw new IllegalArgumentException("The two passphrases differ.");
        }
        if (writePkcs12.get() && p12Password.get().isEmpty()) {
            throw new IllegalArgumentException("Enter the PKCS#12 password, or untick the option.");
        }
        boolean fresh = newCa.get();
        return new WizardSettings(fresh, caName.get().trim(), caKeyType.get(), WizardInputs.days(caDays.get(), "CA"),
                fresh ? null : WizardInputs.path(existingCa.certificate.get(), "The CA certificate"),
                fresh ? null : WizardInputs.path(existingCa.key.get(), "The CA key"),
                existingCa.passphrase.get().toCharArray(), serverCn.get().trim(),
                WizardInputs.serverNames(serverNames.get()), serverKeyType.get(),
                WizardInputs.days(serverDays.get(), "Server"), WizardInputs.clientNames(clientNames.get()),
                clientKeyType.get(), WizardInputs.days(clientDays.get(), "Clients"),
                WizardInputs.path(outputDir.get(), "The output folder"),
                encrypt ? keyPassphrase.get().toCharArray() : null,
                writePkcs12.get() ? p12Password.get().toCharArray() : null, WizardInputs.port(tlsPort.get()));
    }

    private void create(boolean overwrite) {
        WizardSettings s = settings();
        settings = s;
        existingFiles.clear();
        run(() -> CertificateBatch.existingFiles(s), existing -> {
            if (existing.isEmpty() || overwrite) {
                generate(s, overwrite);
            } else {
                existingFiles.setAll(existing);
            }
        }, error::set);
    }

    private void generate(WizardSettings s, boolean overwrite) {
        progress.set(0);
        run(() -> CertificateBatch.run(s, overwrite, (index, total, text) -> fx.execute(() -> {
            progress.set((index - 1) / (double) total);
            progressText.set("Creating " + index + " of " + total + ": " + text + "…");
        })), done -> {
            progress.set(1);
            progressText.set("");
            result = done;
            written.setAll(done.written());
            snippet.set(done.mosquittoSnippet());
            commands.set(String.join("\n", CertCommands.of(s)));
            page.set(WizardPage.DONE);
        }, failure -> {
            progressText.set("");
            error.set(failure);
        });
    }

    /** Background work with the page busy; the outcome comes back on the FX thread. */
    private <T> void run(Work<T> work, java.util.function.Consumer<T> done,
            java.util.function.Consumer<String> failed) {
        busy.set(true);
        CompletableFuture.supplyAsync((Supplier<T>) () -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, background).whenComplete((value, failure) -> fx.execute(() -> {
            busy.set(false);
            if (failure != null) {
                failed.accept(message(failure));
            } else {
                done.accept(value);
            }
        }));
    }

    private interface Work<T> {
        T call() throws IOException;
    }

    private static String message(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
