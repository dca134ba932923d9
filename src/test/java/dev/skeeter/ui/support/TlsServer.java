package dev.skeeter.ui.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on a free loopback port that presents a self-signed certificate and handshakes: enough for a client
 * that does not trust it to fail with the server's chain in hand.
 */
public final class TlsServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final Thread acceptor;

    public TlsServer(SelfSignedCertificate certificate) throws Exception {
        server = (SSLServerSocket) certificate.serverContext().getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "test-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                ((SSLSocket) socket).startHandshake();
            } catch (IOException e) {
                // the client rejects our certificate: that is the point
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
