package dev.skeeter.broker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * TLS settings of one listener, as mosquitto's listener options: PEM files made with openssl (RSA or EC keys in
 * PKCS#1, SEC1 or PKCS#8 form, unencrypted as mosquitto needs them). Immutable.
 *
 * @param certFile            the server certificate, optionally followed by its intermediate CAs
 * @param keyFile             the server's private key
 * @param caFile              CA certificates trusted for client certificates; may be null when {@code caPath} is set
 *                            or no client certificates are asked for
 * @param caPath              a directory of PEM CA certificates (every regular file in it is read)
 * @param crlFile             a PEM certificate revocation list checked against client certificates
 * @param requireCertificate  refuse clients without a valid certificate chained to the CAs
 * @param tlsVersion          the lowest protocol accepted: {@code tlsv1.3}, {@code tlsv1.2} or {@code tlsv1.1};
 *                            null accepts TLS 1.2 and 1.3
 * @param ciphers             OpenSSL cipher names for TLS 1.2 and older, separated by colons; null for the defaults
 * @param ciphersTls13        TLS 1.3 cipher suites, separated by colons; null for the defaults
 * @param useIdentityAsUsername the client certificate's common name becomes the client's user name
 * @param useSubjectAsUsername  the client certificate's subject (RFC 2253) becomes the client's user name
 */
public record ListenerTls(Path certFile, Path keyFile, Path caFile, Path caPath, Path crlFile,
                          boolean requireCertificate, String tlsVersion, String ciphers, String ciphersTls13,
                          boolean useIdentityAsUsername, boolean useSubjectAsUsername) {

    public ListenerTls {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (tlsVersion != null && !tlsVersion.matches("tlsv1\\.[123]")) {
            throw new IllegalArgumentException("tlsVersion must be tlsv1.3, tlsv1.2 or tlsv1.1: " + tlsVersion);
        }
        if (requireCertificate && caFile == null && caPath == null) {
            throw new IllegalArgumentException("requireCertificate needs caFile or caPath to check certificates");
        }
    }

    /** A server certificate and key, no client certificates asked for. */
    public static ListenerTls of(Path certFile, Path keyFile) {
        return new Components(certFile, keyFile).build();
    }

    public ListenerTls withCaFile(Path value) {
        return copy(c -> c.caFile = value);
    }

    public ListenerTls withCaPath(Path value) {
        return copy(c -> c.caPath = value);
    }

    public ListenerTls withCrlFile(Path value) {
        return copy(c -> c.crlFile = value);
    }

    public ListenerTls withRequireCertificate(boolean value) {
        return copy(c -> c.requireCertificate = value);
    }

    public ListenerTls withTlsVersion(String value) {
        return copy(c -> c.tlsVersion = value);
    }

    public ListenerTls withCiphers(String value) {
        return copy(c -> c.ciphers = value);
    }

    public ListenerTls withCiphersTls13(String value) {
        return copy(c -> c.ciphersTls13 = value);
    }

    public ListenerTls withUseIdentityAsUsername(boolean value) {
        return copy(c -> c.useIdentityAsUsername = value);
    }

    public ListenerTls withUseSubjectAsUsername(boolean value) {
        return copy(c -> c.useSubjectAsUsername = value);
    }

    private ListenerTls copy(Consumer<Components> change) {
        Components b = new Components(certFile, keyFile);
        b.caFile = caFile;
        b.caPath = caPath;
        b.crlFile = crlFile;
        b.requireCertificate = requireCertificate;
        b.tlsVersion = tlsVersion;
        b.ciphers = ciphers;
        b.ciphersTls13 = ciphersTls13;
        b.useIdentityAsUsername = useIdentityAsUsername;
        b.useSubjectAsUsername = useSubjectAsUsername;
        change.accept(b);
        return b.build();
    }

    /** A mutable copy of the components, so that each {@code with...} names only what it changes. */
    private static final class Components {
        private final Path certFile;
        private final Path keyFile;
        private Path caFile;
        private Path caPath;
        private Path crlFile;
        private boolean requireCertificate;
        private String tlsVersion;
        private String ciphers;
        private String ciphersTls13;
        private boolean useIdentityAsUsername;
        private boolean useSubjectAsUsername;

        private Components(Path certFile, Path keyFile) {
            this.certFile = certFile;
            this.keyFile = keyFile;
        }

        private ListenerTls build() {
            return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, tlsVersion, ciphers,
                    ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
        }
    }
}
