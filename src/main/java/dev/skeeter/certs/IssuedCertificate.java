package dev.skeeter.certs;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate with its private key, and the certificate of the CA that signed it (the certificate itself for a
 * CA). A CA's {@code IssuedCertificate} is what signs further certificates.
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer) {
    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        issuer = issuer == null ? certificate : issuer;
    }

    /**
     * A CA from its PEM certificate and key files (the key possibly encrypted). Fails with a message naming the file
     * when the certificate is not a CA or the key is not the certificate's.
     */
    public static IssuedCertificate loadCa(Path certificateFile, Path keyFile, char[] passphrase) throws IOException {
        X509Certificate certificate = PemFiles.readCertificates(certificateFile).get(0);
        if (certificate.getBasicConstraints() < 0) {
            throw new IOException(certificateFile + " is not a CA certificate (it lacks basicConstraints CA:TRUE)");
        }
        PrivateKey key = PemFiles.readPrivateKey(keyFile, passphrase);
        if (!Keys.matches(certificate.getPublicKey(), key)) {
            throw new KeyMismatchException(keyFile + " is not the private key of " + certificateFile);
        }
        return new IssuedCertificate(certificate, key, certificate);
    }

    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
