package dev.skeeter.ui.profiles;

import dev.skeeter.profiles.Profile;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The profile form: one property per field, inline validation after every change, one-line summaries of the
 * picked certificate files, "generate" for the client id. FX thread only.
 */
public final class ProfileFormViewModel {
    // General
    public final StringProperty name = new SimpleStringProperty("");
    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("1883");
    public final ObjectProperty<Profile.Transport> transport = new SimpleObjectProperty<>(Profile.Transport.TCP);
    public final StringProperty webSocketPath = new SimpleStringProperty("/mqtt");
    public final ObjectProperty<Profile.MqttVersion> version = new SimpleObjectProperty<>(Profile.MqttVersion.V3_1_1);
    public final StringProperty clientId = new SimpleStringProperty("");
    public final BooleanProperty cleanSession = new SimpleBooleanProperty(true);
    public final BooleanProperty autoReconnect = new SimpleBooleanProperty(false);
    // Credentials
    public final StringProperty username = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final BooleanProperty savePassword = new SimpleBooleanProperty(true);
    // TLS
    public final ObjectProperty<Profile.TrustSource> trust = new SimpleObjectProperty<>(Profile.TrustSource.SYSTEM);
    public final StringProperty caFile = new SimpleStringProperty("");
    public final StringProperty trustStoreFile = new SimpleStringProperty("");
    public final StringProperty trustStorePassword = new SimpleStringProperty("");
    public final ObjectProperty<Profile.ClientIdentity> identity =
            new SimpleObjectProperty<>(Profile.ClientIdentity.NONE);
    public final StringProperty certificateFile = new SimpleStringProperty("");
    public final StringProperty keyFile = new SimpleStringProperty("");
    public final StringProperty keyPassphrase = new SimpleStringProperty("");
    public final StringProperty keyStoreFile = new SimpleStringProperty("");
    public final StringProperty keyStorePassword = new SimpleStringProperty("");
    public final BooleanProperty verifyHostname = new SimpleBooleanProperty(true);
    public final StringProperty tlsVersion = new SimpleStringProperty("TLSv1.3");
    // Last will
    public final StringProperty willTopic = new SimpleStringProperty("");
    public final ObjectProperty<Integer> willQos = new SimpleObjectProperty<>(0);
    public final BooleanProperty willRetain = new SimpleBooleanProperty(false);
    public final StringProperty willPayload = new SimpleStringProperty("");
    // Proxy
    public final StringProperty proxyHost = new SimpleStringProperty("");
    public final StringProperty proxyPort = new SimpleStringProperty("1080");
    public final StringProperty proxyUsername = new SimpleStringProperty("");
    public final StringProperty proxyPassword = new SimpleStringProperty("");
    // Advanced
    public final StringProperty keepAlive = new SimpleStringProperty("60");
    public final StringProperty connectTimeout = new SimpleStringProperty("10");

    private final Map<ProfileField, ReadOnlyStringWrapper> errors = new EnumMap<>(ProfileField.class);
    private final ReadOnlyBooleanWrapper localBroker = new ReadOnlyBooleanWrapper(this, "localBroker");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", true);
    private final ReadOnlyStringWrapper caSummary = new ReadOnlyStringWrapper(this, "caSummary", "");
    private final ReadOnlyStringWrapper certificateSummary = new ReadOnlyStringWrapper(this, "certSummary", "");
    private final ReadOnlyStringWrapper keySummary = new ReadOnlyStringWrapper(this, "keySummary", "");
    private final Function<Path, String> describer;
    private final Executor fx;
    private final Executor background;
    private Profile base = Profile.create("New profile", "localhost", 1883);
    private boolean loading;

    /**
     * @param describer the one-line summary of a certificate or key file (CertificateFiles::describe); runs on
     *                  the background executor
     */
    public ProfileFormViewModel(Function<Path, String> describer, Executor fx, Executor background) {
        this.describer = describer;
        this.fx = fx;
        this.background = background;
        for (ProfileField f : ProfileField.values()) {
            errors.put(f, new ReadOnlyStringWrapper(this, f.name(), null));
        }
        Observable[] all = {name, host, port, transport, webSocketPath, version, clientId, cleanSession, username,
            password, trust, caFile, trustStoreFile, identity, certificateFile, keyFile, keyStoreFile, willTopic,
            proxyHost, proxyPort, keepAlive, connectTimeout};
        for (Observable o : all) {
            o.addListener(obs -> validate());
        }
        caFile.addListener((obs, old, now) -> describe(now, caSummary));
        certificateFile.addListener((obs, old, now) -> describe(now, certificateSummary));
        keyFile.addListener((obs, old, now) -> describe(now, keySummary));
        transport.addListener((obs, old, now) -> {
            // follow the transport's usual port unless the user typed another one
            if (!loading && old != null && now != null && String.valueOf(old.defaultPort()).equals(port.get())) {
                port.set(String.valueOf(now.defaultPort()));
            }
        });
        validate();
    }

    /** Fills the form from a profile (its id is kept for {@link #toProfile()}). */
    public void load(Profile p) {
        loading = true;
        try {
            base = p;
            localBroker.set(p.isLocalBroker());
            name.set(p.name());
            host.set(p.host());
            port.set(String.valueOf(p.port()));
            transport.set(p.transport());
            webSocketPath.set(p.webSocketPath());
            version.set(p.mqttVersion());
            clientId.set(p.clientId());
            cleanSession.set(p.cleanSession());
            autoReconnect.set(p.autoReconnect());
            username.set(nz(p.credentials().username()));
            password.set(nz(p.credentials().password()));
            savePassword.set(p.credentials().savePassword());
            Profile.Tls tls = p.tls();
            trust.set(tls.trust());
            caFile.set(nz(tls.caFile()));
            trustStoreFile.set(nz(tls.trustStoreFile()));
            trustStorePassword.set(nz(tls.trustStorePassword()));
            identity.set(tls.identity());
            certificateFile.set(nz(tls.certificateFile()));
            keyFile.set(nz(tls.keyFile()));
            keyPassphrase.set(nz(tls.keyPassphrase()));
            keyStoreFile.set(nz(tls.keyStoreFile()));
            keyStorePassword.set(nz(tls.keyStorePassword()));
            verifyHostname.set(tls.verifyHostname());
            tlsVersion.set(tls.tlsVersion());
            willTopic.set(p.lastWill().topic());
            willQos.set(p.lastWill().qos());
            willRetain.set(p.lastWill().retain());
            willPayload.set(p.lastWill().payload());
            proxyHost.set(p.proxy().host());
            proxyPort.set(String.valueOf(p.proxy().port()));
            proxyUsername.set(nz(p.proxy().username()));
            proxyPassword.set(nz(p.proxy().password()));
            keepAlive.set(String.valueOf(p.keepAliveSeconds()));
            connectTimeout.set(String.valueOf(p.connectTimeoutSeconds()));
        } finally {
            loading = false;
        }
        validate();
    }

    public ReadOnlyStringProperty errorProperty(ProfileField field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caSummaryProperty() {
        return caSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certificateSummaryProperty() {
        return certificateSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keySummaryProperty() {
        return keySummary.getReadOnlyProperty();
    }

    /** True when the profile being edited is the built-in "Local broker" one (its host is fixed). */
    public ReadOnlyBooleanProperty localBrokerProperty() {
        return localBroker.getReadOnlyProperty();
    }

    /** A random client id in the client core's shape ({@code skeeter-} and 8 hex digits). */
    public void generateClientId() {
        clientId.set(dev.skeeter.client.MqttConnection.generateClientId());
    }

    /** The edited profile, or empty while a field is invalid. */
    public Optional<Profile> toProfile() {
        if (!valid.get()) {
            return Optional.empty();
        }
        boolean save = savePassword.get();
        Profile.Credentials credentials = username.get().isBlank() ? Profile.Credentials.NONE
                : new Profile.Credentials(username.get().trim(), save ? emptyToNull(password.get()) : null, save);
        Profile.Tls tls = new Profile.Tls(trust.get(), emptyToNull(caFile.get()), emptyToNull(trustStoreFile.get()),
                emptyToNull(trustStorePassword.get()), identity.get(), emptyToNull(certificateFile.get()),
                emptyToNull(keyFile.get()), emptyToNull(keyPassphrase.get()), emptyToNull(keyStoreFile.get()),
                emptyToNull(keyStorePassword.get()), verifyHostname.get(), tlsVersion.get(),
                base.tls().alpnProtocols());
        Profile.LastWill will = willTopic.get().isEmpty() ? Profile.LastWill.NONE
                : new Profile.LastWill(willTopic.get(), willQos.get(), willRetain.get(), willPayload.get());
        Profile.Proxy proxy = proxyHost.get().isBlank() ? Profile.Proxy.NONE
                : new Profile.Proxy(proxyHost.get().trim(), Integer.parseInt(proxyPort.get().trim()),
                        emptyToNull(proxyUsername.get()), emptyToNull(proxyPassword.get()));
        return Optional.of(base.toBuilder()
                .name(name.get().trim())
                .host(host.get().trim())
                .port(Integer.parseInt(port.get().trim()))
                .transport(transport.get())
                .webSocketPath(webSocketPath.get())
                .mqttVersion(version.get())
                .clientId(clientId.get())
                .cleanSession(cleanSession.get())
                .autoReconnect(autoReconnect.get())
                .keepAliveSeconds(Integer.parseInt(keepAlive.get().trim()))
                .connectTimeoutSeconds(Integer.parseInt(connectTimeout.get().trim()))
                .credentials(credentials)
                .tls(tls)
                .lastWill(will)
                .proxy(proxy)
                .build());
    }

    private void validate() {
        Map<ProfileField, String> found = ProfileValidator.validate(new ProfileValidator.Input(name.get(),
                host.get(), port.get(), transport.get(), webSocketPath.get(), version.get(), clientId.get(),
                cleanSession.get(), keepAlive.get(), connectTimeout.get(), username.get(), password.get(),
                trust.get(), caFile.get(), trustStoreFile.get(), identity.get(), certificateFile.get(),
                keyFile.get(), keyStoreFile.get(), willTopic.get(), proxyHost.get(), proxyPort.get()));
        errors.forEach((field, property) -> property.set(found.get(field)));
        valid.set(found.isEmpty());
    }

    private void describe(String file, ReadOnlyStringWrapper target) {
        if (file == null || file.isBlank()) {
            target.set("");
            return;
        }
        target.set("Reading…");
        CompletableFuture.supplyAsync(() -> describer.apply(Path.of(file)), background)
                .whenComplete((text, error) -> fx.execute(() -> {
                    if (file.equals(fileOf(target))) {
                        target.set(error == null ? text : "Cannot read: " + error.getMessage());
                    }
                }));
    }

    private String fileOf(ReadOnlyStringWrapper summary) {
        if (summary == caSummary) {
            return caFile.get();
        }
        return summary == certificateSummary ? certificateFile.get() : keyFile.get();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
