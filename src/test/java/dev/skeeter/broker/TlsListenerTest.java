package dev.skeeter.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.certs.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TLS listeners from openssl-made PEM files, checked with JDK and Paho clients. */
class TlsListenerTest {
    private static final byte[] CONNECT = {0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 1, 't'};
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Broker start(ListenerTls tls) throws Exception {
        Broker broker = Broker.create(BrokerConfig.builder()
                .listener(new ListenerConfig(0, "127.0.0.1").withTls(tls)).build());
        broker.addListener(new BrokerListener() {
            @Override
            public void log(BrokerLogEvent event) {
                log.add(event.message());
            }
        });
        broker.start().get(10, SECONDS);
        return broker;
    }

    private static int port(Broker broker) throws Exception {
        return broker.start().get(10, SECONDS).get(0).getPort();
    }

    static SSLContext clientContext(Path ca, Path cert, Path key) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.readCertificates(ca).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (cert != null) {
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("me", PemFiles.readPrivateKey(key, null), new char[0],
                    PemFiles.readCertificates(cert).toArray(X509Certificate[]::new));
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : new KeyManager[] {new AlwaysSend((X509ExtendedKeyManager)
                kmf.getKeyManagers()[0])}, tmf.getTrustManagers(), null);
        return context;
    }

    /** Offers its certificate whatever CAs the server names, as OpenSSL clients (mosquitto_pub) do. */
    private static final class AlwaysSend extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        AlwaysSend(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return "me";
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "me";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"me"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }

    /** Connects, sends CONNECT and returns the first 4 bytes of the answer; throws when TLS refuses. */
    private static byte[] connect(SSLContext context, int port, String... protocols) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            if (protocols.length > 0) {
                socket.setEnabledProtocols(protocols);
            }
            socket.startHandshake();
            socket.getOutputStream().write(CONNECT);
            byte[] answer = socket.getInputStream().readNBytes(4);
            if (answer.length < 4) {
                throw new IOException("closed by the broker");
            }
            return answer;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-pkcs8"})
    void serverKeysInEveryOpensslPemFormServeTls(String key) throws Exception {
        ListenerPki pki = ListenerPki.shared();
        try (Broker broker = start(pki.tls(key))) {
            assertThat(connect(clientContext(pki.ca(), null, null), port(broker))).containsExactly(0x20, 2, 0, 0);
        }
    }

    @Test
    void tlsVersionIsTheLowestVersionAccepted() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        SSLContext client = clientContext(pki.ca(), null, null);
        try (Broker broker = start(pki.tls("ec-sec1"))) {
            assertThat(connect(client, port(broker), "TLSv1.2")).containsExactly(0x20, 2, 0, 0);
            assertThat(connect(client, port(broker), "TLSv1.3")).containsExactly(0x20, 2, 0, 0);
        }
        try (Broker broker = start(pki.tls("ec-sec1").withTlsVersion("tlsv1.3"))) {
            assertThatThrownBy(() -> connect(client, port(broker), "TLSv1.2")).isInstanceOf(IOException.class);
            assertThat(connect(client, port(broker), "TLSv1.3")).containsExactly(0x20, 2, 0, 0);
        }
    }

    @Test
    void requireCertificateRefusesClientsWithoutAGoodOneAndLogsWhoAndWhy() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        try (Broker broker = start(pki.tls("rsa-pkcs1").withRequireCertificate(true).withCrlFile(pki.crl()))) {
            int port = port(broker);
            assertThat(connect(clientContext(pki.ca(), pki.file("client.pem"), pki.file("client.key")), port))
                    .containsExactly(0x20, 2, 0, 0);

            assertThatThrownBy(() -> connect(clientContext(pki.ca(), null, null), port))
                    .isInstanceOf(IOException.class);
            awaitLog("no client certificate (require_certificate is true)");
            assertThatThrownBy(() -> connect(clientContext(pki.ca(), pki.file("stranger.pem"),
                    pki.file("client.key")), port)).isInstanceOf(IOException.class);
            awaitLog("client certificate 'CN=stranger' refused: it is not signed by a CA in cafile/capath");
            assertThatThrownBy(() -> connect(clientContext(pki.ca(), pki.file("expired.pem"),
                    pki.file("expired.key")), port)).isInstanceOf(IOException.class);
            awaitLog("client certificate 'CN=expired-client' refused: it expired on 2021-01-01T00:00:00Z");
            assertThatThrownBy(() -> connect(clientContext(pki.ca(), pki.file("revoked.pem"),
                    pki.file("revoked.key")), port)).isInstanceOf(IOException.class);
            awaitLog("client certificate 'CN=revoked-client' refused: it is revoked (crlfile)");
            assertThat(log).filteredOn(l -> l.startsWith("Refused TLS client /127.0.0.1:"))
                    .allMatch(l -> l.contains(" on mqtts listener 0: ")).hasSize(4);
        }
    }

    @Test
    void withoutCrlfileARevokedCertificateIsStillAccepted() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        try (Broker broker = start(pki.tls("ec-pkcs8").withRequireCertificate(true))) {
            assertThat(connect(clientContext(pki.ca(), pki.file("revoked.pem"), pki.file("revoked.key")),
                    port(broker))).containsExactly(0x20, 2, 0, 0);
        }
    }

    @Test
    void capathTrustsTheCertificatesInTheDirectory() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        ListenerTls tls = ListenerTls.of(pki.serverCert("ec-sec1"), pki.serverKey("ec-sec1"))
                .withCaPath(pki.caDir()).withRequireCertificate(true);
        try (Broker broker = start(tls)) {
            assertThat(connect(clientContext(pki.ca(), pki.file("client.pem"), pki.file("client.key")),
                    port(broker))).containsExactly(0x20, 2, 0, 0);
        }
    }

    @Test
    void opensslCipherNamesChooseTheCipher() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        try (Broker broker = start(pki.tls("ec-sec1").withTlsVersion("tlsv1.2")
                .withCiphers("ECDHE-ECDSA-AES128-GCM-SHA256"))) {
            try (SSLSocket socket = (SSLSocket) clientContext(pki.ca(), null, null).getSocketFactory()
                    .createSocket("127.0.0.1", port(broker))) {
                socket.setEnabledProtocols(new String[] {"TLSv1.2"});
                socket.startHandshake();
                assertThat(socket.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            }
        }
    }

    @Test
    void unusableFilesStopTheStartWithTheFileNamed() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        Path missing = pki.file("missing.key");
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(new ListenerConfig(0, "127.0.0.1")
                .withTls(ListenerTls.of(pki.serverCert("ec-sec1"), missing))).build())) {
            assertThatThrownBy(() -> broker.start().get(10, SECONDS)).cause()
                    .hasMessage("keyfile " + missing + ": no such file");
        }
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(new ListenerConfig(0, "127.0.0.1")
                .withTls(pki.tls("ec-sec1").withCiphers("HIGH:!aNULL"))).build())) {
            assertThatThrownBy(() -> broker.start().get(10, SECONDS)).cause()
                    .hasMessageContaining("ciphers: 'HIGH' is not an OpenSSL cipher name");
        }
    }

    @Test
    void pahoPublishesAndSubscribesOverSsl() throws Exception {
        ListenerPki pki = ListenerPki.shared();
        try (Broker broker = start(pki.tls("rsa-pkcs8"))) {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setSocketFactory(clientContext(pki.ca(), null, null).getSocketFactory());
            MqttClient client = new MqttClient("ssl://localhost:" + port(broker), "paho-tls", new MemoryPersistence());
            List<String> received = new CopyOnWriteArrayList<>();
            client.connect(options);
            client.subscribe("tls/#", 1, (topic, message) -> received.add(topic + "=" + message));
            client.publish("tls/a", "over TLS".getBytes(), 1, false);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("tls/a=over TLS"));
            client.disconnect();
            client.close();
        }
    }

    private void awaitLog(String text) {
        Awaitility.await(text).atMost(Duration.ofSeconds(10)).until(() -> log.stream().anyMatch(l -> l.contains(text)));
    }
}
