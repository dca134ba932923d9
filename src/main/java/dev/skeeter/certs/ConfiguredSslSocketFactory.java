package dev.skeeter.certs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * An SSLSocketFactory that opens the TCP part through another factory (direct or a SOCKS5 proxy), layers TLS on
 * top and applies our protocols, ALPN and hostname verification. Its unconnected sockets ({@link #createSocket()},
 * what Paho uses) keep those settings even when the caller later replaces the socket's SSLParameters wholesale, as
 * Paho 1.2.5 does for SNI (a fresh SSLParameters carries an empty ALPN list and no endpoint identification).
 * Thread-safe.
 */
final class ConfiguredSslSocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory tls;
    private final SocketFactory transport;
    private final String[] protocols;
    private final String[] alpn;
    private final boolean verifyHostname;

    ConfiguredSslSocketFactory(SSLSocketFactory tls, SocketFactory transport, String[] protocols, String[] alpn,
                               boolean verifyHostname) {
        this.tls = tls;
        this.transport = transport;
        this.protocols = protocols;
        this.alpn = alpn;
        this.verifyHostname = verifyHostname;
    }

    @Override
    public Socket createSocket() throws IOException {
        return new LayeredSslSocket(this, transport.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    /** An unconnected socket from {@link #createSocket()}, bound to {@code local} unless null, then connected. */
    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    @Override
    public Socket createSocket(Socket connected, String host, int port, boolean autoClose) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(connected, host, port, autoClose);
        SSLParameters parameters = socket.getSSLParameters();
        if (protocols != null) {
            parameters.setProtocols(protocols);
        }
        socket.setSSLParameters(merge(parameters));
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }

    /** Our settings laid over parameters a caller wants to set (null protocols there mean "unchanged"). */
    SSLParameters merge(SSLParameters parameters) {
        if (protocols != null && parameters.getProtocols() == null) {
            parameters.setProtocols(protocols);
        }
        if (alpn.length > 0) {
            parameters.setApplicationProtocols(alpn);
        }
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }

    SSLSocket layer(Socket connected, String host, int port) throws IOException {
        return (SSLSocket) createSocket(connected, host, port, true);
    }
}
