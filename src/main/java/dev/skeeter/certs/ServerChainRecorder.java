package dev.skeeter.certs;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Wraps a trust manager to remember the chain the server presented and why it was refused, so a TLS failure can
 * show the certificates. Thread-safe (last write wins); use one per connection attempt.
 *
 * <p>It must be an {@link X509ExtendedTrustManager} that passes the Socket and SSLEngine variants through: the JDK
 * checks the host name (endpoint identification) only in those variants, and a plain {@code X509TrustManager}
 * wrapper would silently route every check to the variant without them.
 */
public final class ServerChainRecorder extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private volatile List<X509Certificate> serverChain = List.of();
    private volatile CertificateException failure;

    public ServerChainRecorder(X509ExtendedTrustManager delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The chain the server presented in the last handshake, leaf first; empty when none was seen. */
    public List<X509Certificate> serverChain() {
        return serverChain;
    }

    /** Why the last server chain was refused, or null when it was accepted (or none was seen). */
    public CertificateException failure() {
        return failure;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        recordWhile(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        recordWhile(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        recordWhile(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** Remembers the chain, then runs the delegate's check and remembers why it refused, if it did. */
    private void recordWhile(X509Certificate[] chain, TrustCheck check) throws CertificateException {
        serverChain = chain == null ? List.of() : List.of(chain);
        failure = null;
        try {
            check.run();
        } catch (CertificateException e) {
            failure = e;
            throw e;
        }
    }

    @FunctionalInterface
    private interface TrustCheck {
        void run() throws CertificateException;
    }
}
