package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.certs.TestPki;
import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.MosquittoBroker;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SOCKS5 through Debian's dante. dante's "username" method checks the machine's own user accounts (passwd/PAM), so a
 * successful user name and password login would need a system user created for the test; we do not change the
 * machine's accounts, and test the user name/password negotiation through its refusals instead.
 */
class Socks5ProxyTest {
    private static TestPki pki;
    private static MosquittoBroker mosquitto;
    private static int tlsPort;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.shared();
        tlsPort = MosquittoBroker.freePort();
        mosquitto = MosquittoBroker.start(pki.mosquittoTlsListener(tlsPort, pki.serverCert()).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static Profile viaProxy(int brokerPort, int proxyPort, String user, String password) {
        return Profile.create("socks", "127.0.0.1", brokerPort).toBuilder()
                .proxy(new Profile.Proxy("127.0.0.1", proxyPort, user, password)).connectTimeoutSeconds(5).build();
    }

    private static void roundTrip(Profile profile) throws Exception {
        RoundTrip.assertRoundTrip(profile, "proxied", "through dante");
    }

    @Test
    void tcpConnectionGoesThroughTheProxy() throws Exception {
        try (DanteProxy dante = DanteProxy.start("none")) {
            roundTrip(viaProxy(mosquitto.port(), dante.port(), null, null));
            // dante logs each relayed session with its destination
            Awaitility.await("dante logged the relay").atMost(Duration.ofSeconds(5))
                    .until(() -> dante.log().contains("127.0.0.1." + mosquitto.port()));
        }
    }

    @Test
    void tlsIsLayeredOverTheProxy() throws Exception {
        try (DanteProxy dante = DanteProxy.start("none")) {
            Profile.Tls tls = new Profile.Tls(Profile.TrustSource.CA_FILE, pki.caCert().toString(), null, null,
                    Profile.ClientIdentity.NONE, null, null, null, null, null, true, "TLSv1.2", List.of());
            roundTrip(viaProxy(tlsPort, dante.port(), null, null).toBuilder()
                    .transport(Profile.Transport.TLS).tls(tls).build());
            Awaitility.await("dante logged the relay").atMost(Duration.ofSeconds(5))
                    .until(() -> dante.log().contains("127.0.0.1." + tlsPort));
        }
    }

    @Test
    void proxyThatCannotReachTheBrokerSaysSo() throws Exception {
        int closedPort = MosquittoBroker.freePort();
        try (DanteProxy dante = DanteProxy.start("none")) {
            ConnectionFailure failure = MqttConnectionFailureTest.failureOf(
                    viaProxy(closedPort, dante.port(), null, null));
            assertThat(failure.summary()).isEqualTo("the SOCKS proxy 127.0.0.1:" + dante.port()
                    + " could not connect to 127.0.0.1:" + closedPort + ": connection refused");
        }
    }

    @Test
    void unreachableProxyIsNamed() throws Exception {
        int nothing = MosquittoBroker.freePort();
        ConnectionFailure failure = MqttConnectionFailureTest.failureOf(
                viaProxy(mosquitto.port(), nothing, null, null));
        assertThat(failure.summary()).startsWith("cannot reach the SOCKS proxy 127.0.0.1:" + nothing);
    }

    @Test
    void proxyWantingCredentialsTellsAnAnonymousClient() throws Exception {
        try (DanteProxy dante = DanteProxy.start("username")) {
            ConnectionFailure failure = MqttConnectionFailureTest.failureOf(
                    viaProxy(mosquitto.port(), dante.port(), null, null));
            assertThat(failure.summary()).contains("accepts none of our authentication methods")
                    .contains("may want a user name and password");
        }
    }

    @Test
    void proxyRefusingCredentialsSaysSoWithoutThePassword() throws Exception {
        try (DanteProxy dante = DanteProxy.start("username")) {
            ConnectionFailure failure = MqttConnectionFailureTest.failureOf(
                    viaProxy(mosquitto.port(), dante.port(), "nosuchuser", "s3cr3t-pw"));
            assertThat(failure.summary()).isEqualTo("the SOCKS proxy 127.0.0.1:" + dante.port()
                    + " rejected the user name or password");
            assertThat(failure.summary() + failure.detail()).doesNotContain("s3cr3t-pw");
        }
    }
}
