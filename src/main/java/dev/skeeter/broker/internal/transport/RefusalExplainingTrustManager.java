package dev.skeeter.broker.internal.transport;

import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks client certificates with the JDK's PKIX trust manager and, when one is refused, says whose it was and why
 * in plain words (expired, revoked, not signed by a trusted CA), so the broker's log can name the client. Stateless
 * beyond the delegate; thread-safe.
 */
final class RefusalExplainingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;

    RefusalExplainingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        explaining(chain, () -> delegate.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        explaining(chain, () -> delegate.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        explaining(chain, () -> delegate.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("a server trust manager checks clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("a server trust manager checks clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("a server trust manager checks clients only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** A delegate's check of a client chain. */
    @FunctionalInterface
    private interface Check {
        void run() throws CertificateException;
    }

    private static void explaining(X509Certificate[] chain, Check check) throws CertificateException {
        try {
            check.run();
        } catch (CertificateException e) {
            String subject = chain == null || chain.length == 0 ? "(none)"
                    : chain[0].getSubjectX500Principal().getName();
            throw new CertificateException("client certificate '" + subject + "' refused: " + reason(chain, e), e);
        }
    }

    static String reason(X509Certificate[] chain, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException && chain != null && chain.length > 0) {
                return "it expired on " + chain[0].getNotAfter().toInstant();
            }
            if (t instanceof CertificateNotYetValidException && chain != null && chain.length > 0) {
                return "it is not valid before " + chain[0].getNotBefore().toInstant();
            }
            if (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
                return "it is revoked (crlfile)";
            }
            if (t instanceof CertPathValidatorException v
                    && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return chain != null && chain.length > 0 && chain[0].getNotAfter().before(new java.util.Date())
                        ? "it expired on " + chain[0].getNotAfter().toInstant()
                        : "a CA certificate of its chain has expired";
            }
            if (t.getMessage() != null && t.getMessage().contains("unable to find valid certification path")) {
                return "it is not signed by a CA in cafile/capath";
            }
        }
        return String.valueOf(e.getMessage());
    }
}
