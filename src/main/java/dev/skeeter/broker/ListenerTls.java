package dev.skeeter.broker;

import java.nio.file.Path;
import java.util.Objects;

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
        return new ListenerTls(certFile, keyFile, null, null, null, false, null, null, null, false, false);
    }

    public ListenerTls withCaFile(Path value) {
        return new ListenerTls(certFile, keyFile, value, caPath, crlFile, requireCertificate, tlsVersion, ciphers,
                ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withCaPath(Path value) {
        return new ListenerTls(certFile, keyFile, caFile, value, crlFile, requireCertificate, tlsVersion, ciphers,
                ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withCrlFile(Path value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, value, requireCertificate, tlsVersion, ciphers,
                ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withRequireCertificate(boolean value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, value, tlsVersion, ciphers, ciphersTls13,
                useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withTlsVersion(String value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, value, ciphers,
                ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withCiphers(String value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, tlsVersion, value,
                ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withCiphersTls13(String value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, tlsVersion, ciphers,
                value, useIdentityAsUsername, useSubjectAsUsername);
    }

    public ListenerTls withUseIdentityAsUsername(boolean value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, tlsVersion, ciphers,
                ciphersTls13, value, useSubjectAsUsername);
    }

    public ListenerTls withUseSubjectAsUsername(boolean value) {
        return new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, tlsVersion, ciphers,
                ciphersTls13, useIdentityAsUsername, value);
    }
}
