package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.certs.PemFiles;
import dev.skeeter.certs.TestPki;
import dev.skeeter.certs.TlsContext;
import dev.skeeter.certs.TlsContexts;
import dev.skeeter.certs.TlsSettings;
import dev.skeeter.profiles.Profile;
import java.net.SocketException;
import java.security.cert.X509Certificate;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

/**
 * Failures that the real TLS tests meet only in a race: the server closes right after a handshake that went well
 * on our side, and our CONNECT write breaks before its alert (if any) is read.
 */
class ConnectionFailuresTest {
    private static final Profile PROFILE = Profile.create("tls", "127.0.0.1", 8883).toBuilder()
            .transport(Profile.Transport.TLS).build();

    @Test
    void brokenPipeRightAfterTheHandshakeWithAClientCertificateSaysTheServerMayRefuseIt() throws Exception {
        TestPki pki = TestPki.shared();
        TlsContext tls = handshakeSeen(TlsSettings.systemDefaults().withCaFile(pki.caCert())
                .withPemIdentity(pki.clientCertFromOtherCa(), pki.clientKey(), null));
        ConnectionFailure failure = ConnectionFailures.describe(brokenPipe(), PROFILE,
                new Transports.Prepared(new MqttConnectOptions(), tls));
        assertThat(failure.summary()).startsWith("the server refused our client certificate?");
    }

    @Test
    void brokenPipeRightAfterTheHandshakeWithoutAClientCertificateSaysOneMayBeRequired() throws Exception {
        TlsContext tls = handshakeSeen(TlsSettings.systemDefaults().withCaFile(TestPki.shared().caCert()));
        ConnectionFailure failure = ConnectionFailures.describe(brokenPipe(), PROFILE,
                new Transports.Prepared(new MqttConnectOptions(), tls));
        assertThat(failure.summary()).startsWith("client certificate required?");
    }

    /** A context whose recorder has accepted the test server's chain, as after a completed handshake. */
    private static TlsContext handshakeSeen(TlsSettings settings) throws Exception {
        TlsContext tls = TlsContexts.create(settings);
        X509Certificate[] chain = PemFiles.readCertificates(TestPki.shared().serverCert())
                .toArray(X509Certificate[]::new);
        tls.recorder().checkServerTrusted(chain, "UNKNOWN");
        assertThat(tls.recorder().serverChain()).isNotEmpty();
        assertThat(tls.recorder().failure()).isNull();
        return tls;
    }

    private static MqttException brokenPipe() {
        return new MqttException(MqttException.REASON_CODE_CONNECTION_LOST, new SocketException("Broken pipe"));
    }
}
