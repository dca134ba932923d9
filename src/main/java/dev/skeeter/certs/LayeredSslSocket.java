package dev.skeeter.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.channels.SocketChannel;
import java.util.function.BiFunction;
import java.util.List;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An unconnected SSLSocket that, on {@link #connect}, opens its TCP part through the transport socket (direct or
 * SOCKS5) and then layers a real SSLSocket on it; every other call goes to that socket. Before the connect only
 * socket options are accepted. Confined to the thread that uses the socket, like any Socket.
 */
final class LayeredSslSocket extends SSLSocket {
    private final ConfiguredSslSocketFactory factory;
    private final Socket raw;
    private volatile SSLSocket ssl;

    LayeredSslSocket(ConfiguredSslSocketFactory factory, Socket raw) {
        this.factory = factory;
        this.raw = raw;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress address)) {
            throw new IllegalArgumentException("unsupported address " + endpoint);
        }
        raw.connect(endpoint, timeout);
        // getHostString: the name as dialled, never a reverse lookup; it is what SNI and hostname checks use
        ssl = factory.layer(raw, address.getHostString(), address.getPort());
    }

    private SSLSocket ssl() {
        SSLSocket s = ssl;
        if (s == null) {
            throw new IllegalStateException("not connected yet");
        }
        return s;
    }

    private Socket current() {
        SSLSocket s = ssl;
        return s == null ? raw : s;
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        ssl().setSSLParameters(factory.merge(params));
    }

    @Override
    public SSLParameters getSSLParameters() {
        return ssl().getSSLParameters();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return ssl().getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return ssl().getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        ssl().setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return ssl().getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return ssl().getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        ssl().setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return ssl().getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return ssl().getHandshakeSession();
    }

    @Override
    public String getApplicationProtocol() {
        return ssl().getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return ssl().getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        ssl().setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return ssl().getHandshakeApplicationProtocolSelector();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        ssl().addHandshakeCompletedListener(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        ssl().removeHandshakeCompletedListener(listener);
    }

    @Override
    public void startHandshake() throws IOException {
        ssl().startHandshake();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        ssl().setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return ssl().getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        ssl().setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return ssl().getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        ssl().setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return ssl().getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        ssl().setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return ssl().getEnableSessionCreation();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return ssl().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return ssl().getOutputStream();
    }

    @Override
    public void close() throws IOException {
        SSLSocket s = ssl;
        if (s != null) {
            s.close();
        }
        raw.close();
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        raw.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return raw.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return raw.getLocalAddress();
    }

    @Override
    public int getPort() {
        return raw.getPort();
    }

    @Override
    public int getLocalPort() {
        return raw.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return raw.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return raw.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        current().setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return current().getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        current().setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return current().getSoLinger();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        current().setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return current().getSoTimeout();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        current().setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return current().getKeepAlive();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        current().setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return current().getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        current().setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return current().getReceiveBufferSize();
    }

    @Override
    public void shutdownInput() throws IOException {
        current().shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        current().shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return raw.isConnected();
    }

    @Override
    public boolean isBound() {
        return raw.isBound();
    }

    @Override
    public boolean isClosed() {
        return current().isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return current().isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return current().isOutputShutdown();
    }

    @Override
    public String toString() {
        return "LayeredSslSocket[" + current() + "]";
    }
}
