package dev.skeeter.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.certs.CertificateIssuer;
import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard without a screen: executors run inline, so each action completes before it returns. */
class CertificateWizardViewModelTest {
    @TempDir
    Path dir;
    private final LocalBrokerService broker = new LocalBrokerService();
    private final List<Profile> opened = new ArrayList<>();
    private final CertificateWizardViewModel.Host host = new CertificateWizardViewModel.Host() {
        @Override
        public int localBrokerPort() {
            return 0;
        }

        @Override
        public Optional<Profile> findProfile(String id) {
            return opened.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public ObservableValue<ConnectionState> openAndConnect(Profile profile) {
            opened.add(profile);
            return new SimpleObjectProperty<>(ConnectionState.CONNECTING);
        }
    };

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private CertificateWizardViewModel wizard() {
        return new CertificateWizardViewModel(dir, Runnable::run, Runnable::run,
                new MutualTlsSetup(broker, Runnable::run), host);
    }

    @Test
    void defaultsWalkToTheSummaryWithTheFilesTheSnippetAndTheCommands() {
        CertificateWizardViewModel w = wizard();
        assertThat(w.serverNames.get()).startsWith("localhost, 127.0.0.1, ::1");
        assertThat(w.clientNames.get()).isEqualTo("client");

        w.next();
        w.next();
        w.next();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.OUTPUT);
        w.next();

        assertThat(w.errorProperty().get()).isNull();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.DONE);
        assertThat(w.written()).extracting(CertificateWriter.Written::file).containsExactly(dir.resolve("ca.crt"),
                dir.resolve("ca.key"), dir.resolve("server.crt"), dir.resolve("server.key"),
                dir.resolve("mosquitto-tls.conf"), dir.resolve("client.crt"), dir.resolve("client.key"));
        assertThat(w.snippetProperty().get()).contains("require_certificate true");
        assertThat(w.commandsProperty().get()).contains("skeeter cert server -o " + dir);
        assertThat(w.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void eachPageSaysWhatIsWrongAndStays() {
        CertificateWizardViewModel w = wizard();
        w.caDays.set("ten");
        w.next();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.CA);
        assertThat(w.errorProperty().get()).contains("number of days");
        w.caDays.set("3650");
        w.next();

        w.serverNames.set("localhost, not a name!");
        w.next();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.SERVER);
        assertThat(w.errorProperty().get()).startsWith("Names and addresses:");
        w.serverNames.set("localhost");
        w.tlsPort.set("70000");
        w.next();
        assertThat(w.errorProperty().get()).contains("TLS port");
        w.tlsPort.set("8883");
        w.next();

        w.clientNames.set("alice\nAlice");
        w.next();
        assertThat(w.errorProperty().get()).contains("alice.crt", "another client");
        w.clientNames.set("server");
        w.next();
        assertThat(w.errorProperty().get()).contains("server certificate uses");
        w.clientNames.set("alice, bob");
        w.next();

        w.encryptKeys.set(true);
        w.keyPassphrase.set("one");
        w.keyPassphraseAgain.set("two");
        w.next();
        assertThat(w.errorProperty().get()).isEqualTo("The two passphrases differ.");
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.OUTPUT);
        w.back();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.CLIENTS);
        assertThat(w.errorProperty().get()).isNull();
    }

    @Test
    void existingFilesAreReplacedOnlyWhenTheUserSaysSo() throws Exception {
        Files.writeString(dir.resolve("server.key"), "keep me");
        CertificateWizardViewModel w = wizard();
        for (int i = 0; i < 4; i++) {
            w.next();
        }
        assertThat(w.existingFiles()).containsExactly(dir.resolve("server.key"));
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.OUTPUT);
        assertThat(Files.exists(dir.resolve("ca.crt"))).isFalse();

        w.keepExisting();
        assertThat(w.errorProperty().get()).startsWith("Nothing was written");
        assertThat(Files.readString(dir.resolve("server.key"))).isEqualTo("keep me");

        w.next();
        w.replaceExisting();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.DONE);
        assertThat(Files.readString(dir.resolve("server.key"))).contains("PRIVATE KEY");
    }

    @Test
    void anEncryptedExistingCaAsksForItsPassphrase() throws Exception {
        Path caDir = Files.createDirectory(dir.resolve("ca"));
        CertificateWriter.write(CertificateIssuer.createCa(CertificateRequest.ca("Old CA")), caDir, "ca",
                new CertificateWriter.Options("open sesame".toCharArray(), null, false));
        Path out = Files.createDirectory(dir.resolve("out"));
        CertificateWizardViewModel w = wizard();
        w.outputDir.set(out.toString());
        w.newCa.set(false);
        w.existingCa().certificate.set(caDir.resolve("ca.crt").toString());
        w.existingCa().key.set(caDir.resolve("ca.key").toString());
        assertThat(w.existingCa().keyEncryptedProperty().get()).isTrue();
        assertThat(w.existingCa().summaryProperty().get()).startsWith("CN=Old CA, expires");

        w.next();
        assertThat(w.errorProperty().get()).isEqualTo("The CA key is encrypted: enter its passphrase.");
        w.existingCa().passphrase.set("wrong");
        w.next();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.CA);
        assertThat(w.errorProperty().get()).isNotNull();
        w.existingCa().passphrase.set("open sesame");
        w.next();
        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.SERVER);
        w.next();
        w.next();
        w.next();

        assertThat(w.pageProperty().get()).isEqualTo(WizardPage.DONE);
        assertThat(w.result().caCertificate()).isEqualTo(caDir.resolve("ca.crt"));
        assertThat(Files.exists(out.resolve("ca.crt"))).isFalse();
        assertThat(w.commandsProperty().get()).contains("--ca-cert " + caDir.resolve("ca.crt"), "--ca-passphrase");
    }

    @Test
    void finishRestartsTheBrokerWithTlsAndOpensTheMutualTlsProfile() {
        CertificateWizardViewModel w = wizard();
        w.tlsPort.set(String.valueOf(dev.skeeter.ui.localbroker.PortProbe.freePort("127.0.0.1")));
        for (int i = 0; i < 4; i++) {
            w.next();
        }

        w.finish();

        assertThat(w.errorProperty().get()).isNull();
        assertThat(broker.isRunning()).isTrue();
        Profile profile = opened.get(0);
        assertThat(profile.id()).isEqualTo(MutualTlsSetup.PROFILE_ID);
        assertThat(profile.transport()).isEqualTo(Profile.Transport.TLS);
        assertThat(broker.listensOn(profile.port())).isTrue();
        assertThat(profile.tls().caFile()).isEqualTo(dir.resolve("ca.crt").toString());
        assertThat(profile.tls().certificateFile()).isEqualTo(dir.resolve("client.crt").toString());
        assertThat(profile.tls().verifyHostname()).isTrue();
        assertThat(w.finishStatusProperty().get()).contains("127.0.0.1:" + profile.port(), "client certificate");
        assertThat(w.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTING);
    }
}
