package dev.skeeter.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finish on loopback: our broker with the wizard's TLS listener, our client with the wizard's profile. */
class MutualTlsSetupTest {
    @TempDir
    Path dir;
    private final LocalBrokerService broker = new LocalBrokerService();
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        broker.close();
        background.shutdownNow();
    }

    @Test
    void theProfileConnectsWithItsClientCertificateAndNothingElseDoes() throws Exception {
        CertificateBatch.Result files = CertificateBatch.run(WizardSettings.defaults(dir), false, (i, t, s) -> { });
        int plain = PortProbe.freePort("127.0.0.1");
        int tls = PortProbe.freePort("127.0.0.1");

        MutualTlsSetup.Started started = new MutualTlsSetup(broker, background).startBroker(files, plain, tls)
                .get(30, TimeUnit.SECONDS);

        assertThat(started.tlsPort()).isEqualTo(tls);
        assertThat(started.plainPort()).isEqualTo(plain);
        assertThat(broker.listensOn(plain)).isTrue();
        Profile profile = MutualTlsSetup.profile(Optional.empty(), files, started.tlsPort(), null);
        try (MqttConnection client = new MqttConnection(profile)) {
            client.connect().get(20, TimeUnit.SECONDS);
            assertThat(client.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(broker.clients()).hasSize(1);
        }

        Profile withoutCertificate = profile.toBuilder().clientId("anonymous").tls(new Profile.Tls(
                Profile.TrustSource.CA_FILE, profile.tls().caFile(), null, null, Profile.ClientIdentity.NONE, null,
                null, null, null, null, true, "TLSv1.3", java.util.List.of())).build();
        try (MqttConnection client = new MqttConnection(withoutCertificate)) {
            assertThatThrownBy(() -> client.connect().get(20, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                    Exception.class);
            assertThat(client.state()).isNotEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void aSecondRunMovesTheListenerAndKeepsTheEarlierProfilesId() throws Exception {
        CertificateBatch.Result files = CertificateBatch.run(WizardSettings.defaults(dir), false, (i, t, s) -> { });
        MutualTlsSetup setup = new MutualTlsSetup(broker, background);
        int first = setup.startBroker(files, 0, PortProbe.freePort("127.0.0.1")).get(30, TimeUnit.SECONDS).tlsPort();
        Profile earlier = MutualTlsSetup.profile(Optional.empty(), files, first, null).toBuilder()
                .clientId("kept").build();

        int second = setup.startBroker(files, 0, first).get(30, TimeUnit.SECONDS).tlsPort();

        assertThat(second).isEqualTo(first); // our own broker held it: freed by the restart, not avoided
        Profile updated = MutualTlsSetup.profile(Optional.of(earlier), files, second, null);
        assertThat(updated.id()).isEqualTo(MutualTlsSetup.PROFILE_ID);
        assertThat(updated.clientId()).isEqualTo("kept");
        assertThat(broker.addresses()).hasSize(1);
    }
}
