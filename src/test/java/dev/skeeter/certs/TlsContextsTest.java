package dev.skeeter.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client socket factory against a JDK TLS server in this JVM, driven the way Paho 1.2.5 drives it: connect an
 * unconnected socket, then replace its SSLParameters twice with fresh ones (SNI, then endpoint identification).
 */
class TlsContextsTest {
    private static TestPki pki;

    @BeforeAll
    static void pki() throws IOException {
        pki = TestPki.shared();
    }

    /** A one-connection TLS server; completes with the ALPN protocol it negotiated (or the handshake error). */
    private record Server(SSLServerSocket socket, CompletableFuture<String> negotiated) implements AutoCloseable {
        static Server start(Path certificate, String... alpn) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            PrivateKey key = PemFiles.readPrivateKey(pki.serverKey(), null);
            store.setKeyEntry("server", key, new char[0],
                    PemFiles.readCertificates(certificate).toArray(X509Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(alpn);
            socket.setSSLParameters(parameters);
            CompletableFuture<String> negotiated = new CompletableFuture<>();
            Thread acceptor = new Thread(() -> {
                try (SSLSocket accepted = (SSLSocket) socket.accept()) {
                    accepted.setSoTimeout(5000);
                    accepted.startHandshake();
                    negotiated.complete(accepted.getApplicationProtocol());
                } catch (IOException e) {
                    negotiated.completeExceptionally(e);
                }
            }, "tls-test-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return new Server(socket, negotiated);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** What Paho's SSLNetworkModule does after connecting. */
    private static SSLSocket connectLikePaho(TlsContext context, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) context.socketFactory().createSocket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        SSLParameters sni = new SSLParameters();
        sni.setServerNames(List.of(new SNIHostName(host)));
        socket.setSSLParameters(sni);
        SSLParameters https = new SSLParameters();
        https.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(https);
        socket.startHandshake();
        return socket;
    }

    private static TlsSettings trustingOurCa() {
        return TlsSettings.systemDefaults().withCaFile(pki.caCert());
    }

    @Test
    void alpnSurvivesPahoReplacingTheParameters() throws Exception {
        try (Server server = Server.start(pki.serverCert(), "x-amzn-mqtt-ca");
             SSLSocket socket = connectLikePaho(TlsContexts.create(trustingOurCa().withAlpn(List.of("x-amzn-mqtt-ca"))),
                     "127.0.0.1", server.port())) {
            assertThat(socket.getApplicationProtocol()).isEqualTo("x-amzn-mqtt-ca");
            assertThat(server.negotiated().get(5, TimeUnit.SECONDS)).isEqualTo("x-amzn-mqtt-ca");
        }
    }

    @Test
    void hostnameVerificationStillRejectsAWrongNameThroughTheRecorder() throws Exception {
        TlsContext context = TlsContexts.create(trustingOurCa());
        try (Server server = Server.start(pki.wrongHostCert())) {
            assertThatThrownBy(() -> connectLikePaho(context, "127.0.0.1", server.port()).close())
                    .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("127.0.0.1");
        }
        assertThat(context.recorder().failure()).hasMessageContaining("No subject alternative names");
        assertThat(context.recorder().serverChain()).hasSize(1);
    }

    @Test
    void hostnameVerificationHoldsEvenWhenTheCallerSetsNoEndpointIdentification() throws Exception {
        TlsContext context = TlsContexts.create(trustingOurCa());
        try (Server server = Server.start(pki.wrongHostCert())) {
            SSLSocket socket = (SSLSocket) context.socketFactory().createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSSLParameters(new SSLParameters()); // no "HTTPS" in them: must not switch the check off
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
            socket.close();
        }
    }

    @Test
    void wrongNameIsAcceptedWhenVerificationIsOff() throws Exception {
        TlsContext context = TlsContexts.create(trustingOurCa().withVerifyHostname(false));
        try (Server server = Server.start(pki.wrongHostCert())) {
            SSLSocket socket = (SSLSocket) context.socketFactory().createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.startHandshake();
            assertThat(socket.getSession().getPeerCertificates()).hasSize(1);
            socket.close();
        }
        assertThat(context.recorder().failure()).isNull();
    }

    @Test
    void minimumProtocolEnablesItAndEveryNewerOne() {
        assertThat(TlsContexts.protocols("TLSv1.2")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsContexts.protocols("TLSv1.3")).containsExactly("TLSv1.3");
        assertThat(TlsContexts.protocols(null)).isNull();
        assertThatThrownBy(() -> TlsContexts.protocols("SSLv3")).hasMessageContaining("unknown TLS version");
    }

    @Test
    void wrongKeyStorePasswordIsNamed() {
        TlsSettings settings = new TlsSettings(TlsSettings.Trust.SYSTEM, null, null, TlsSettings.Identity.KEY_STORE,
                null, null, null, pki.file("client.p12"), "wrong".toCharArray(), true, null, List.of());
        assertThatThrownBy(() -> TlsContexts.create(settings)).hasMessageContaining("client.p12")
                .hasMessageContaining("password");
    }
}
