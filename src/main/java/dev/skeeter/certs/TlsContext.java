package dev.skeeter.certs;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A client TLS context built by {@link TlsContexts} for one connection attempt, with the recorder that captures
 * the server's chain. Immutable apart from the recorder (thread-safe).
 */
public final class TlsContext {
    private final SSLContext sslContext;
    private final ServerChainRecorder recorder;
    private final TlsSettings settings;
    private final String[] protocols;

    TlsContext(SSLContext sslContext, ServerChainRecorder recorder, TlsSettings settings, String[] protocols) {
        this.sslContext = sslContext;
        this.recorder = recorder;
        this.settings = settings;
        this.protocols = protocols;
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    public ServerChainRecorder recorder() {
        return recorder;
    }

    public TlsSettings settings() {
        return settings;
    }

    public boolean hasClientIdentity() {
        return settings.identity() != TlsSettings.Identity.NONE;
    }

    /** Sockets over direct TCP, with the protocols, ALPN and hostname verification of the settings. */
    public SSLSocketFactory socketFactory() {
        return socketFactory(SocketFactory.getDefault());
    }

    /**
     * Sockets whose TCP part comes from {@code transport} (e.g. a SOCKS5 proxy factory), with TLS layered on top.
     * The factory keeps ALPN and hostname verification even when a caller such as Paho replaces the socket's
     * {@code SSLParameters}.
     */
    public SSLSocketFactory socketFactory(SocketFactory transport) {
        return new ConfiguredSslSocketFactory(sslContext.getSocketFactory(), transport, protocols,
                settings.alpnProtocols().toArray(String[]::new), settings.verifyHostname());
    }
}
