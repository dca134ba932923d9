package dev.skeeter.certs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** One-line descriptions of certificate and key files, for the UI's file pickers. Stateless. */
public final class CertificateFiles {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CertificateFiles() {
    }

    /**
     * E.g. "CN=My CA, expires 2027-11-27", "CN=server, expires 2027-01-01 (+1 more certificate)", "EC private key",
     * "encrypted private key (needs a passphrase)", "PKCS#12 or JKS key store (needs its password)"; or the error,
     * e.g. "no such file" or "not a certificate or key". Never throws.
     */
    public static String describe(Path file) {
        if (file == null) {
            return "no file chosen";
        }
        if (!Files.exists(file)) {
            return "no such file: " + file;
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            return "cannot read " + file;
        }
        try {
            String pem = describePem(file);
            if (pem != null) {
                return pem;
            }
            String der = describeDer(file);
            if (der != null) {
                return der;
            }
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".jks")) {
                return "PKCS#12 or JKS key store (needs its password)";
            }
            return "not a certificate or key (expected PEM, DER, PKCS#12 or JKS)";
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** Subject and expiry of a certificate, e.g. "CN=My CA, expires 2027-11-27", marked when already expired. */
    public static String describeCertificate(X509Certificate certificate) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        String validity = Instant.now().isAfter(notAfter) ? "EXPIRED " + DAY.format(notAfter)
                : "expires " + DAY.format(notAfter);
        return subject + ", " + validity;
    }

    private static String describePem(Path file) throws IOException {
        List<String> certificates = new ArrayList<>();
        String key = null;
        try (PEMParser parser = PemFiles.parser(file)) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(describe(holder));
                } else if (o instanceof X509TrustedCertificateBlock trusted) {
                    certificates.add(describe(trusted.getCertificateHolder()));
                } else if (key == null) {
                    key = describeKey(o);
                }
            }
        }
        if (certificates.isEmpty()) {
            return key;
        }
        String first = certificates.get(0);
        int more = certificates.size() - 1;
        String suffix = more == 0 ? "" : " (+" + more + " more certificate" + (more == 1 ? ")" : "s)");
        return first + suffix + (key == null ? "" : ", with " + key);
    }

    private static String describe(X509CertificateHolder holder) {
        Instant notAfter = holder.getNotAfter().toInstant();
        String subject = new X500Principal(encoded(holder)).getName(X500Principal.RFC2253);
        String validity = Instant.now().isAfter(notAfter) ? "EXPIRED " + DAY.format(notAfter)
                : "expires " + DAY.format(notAfter);
        return subject + ", " + validity;
    }

    private static byte[] encoded(X509CertificateHolder holder) {
        try {
            return holder.getSubject().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describeKey(Object o) {
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
            return "encrypted private key (needs a passphrase)";
        }
        if (o instanceof PEMKeyPair pair) {
            return algorithm(pair.getPrivateKeyInfo()) + " private key";
        }
        if (o instanceof PrivateKeyInfo info) {
            return algorithm(info) + " private key";
        }
        return null;
    }

    private static String algorithm(PrivateKeyInfo info) {
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        return switch (oid) {
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.2.840.10045.2.1" -> "EC";
            case "1.3.101.112" -> "Ed25519";
            case "1.3.101.113" -> "Ed448";
            default -> "(" + oid + ")";
        };
    }

    private static String describeDer(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                return null;
            }
            X509Certificate first = (X509Certificate) certificates.iterator().next();
            int more = certificates.size() - 1;
            return describeCertificate(first) + (more == 0 ? "" : " (+" + more + " more)");
        } catch (CertificateException e) {
            return null;
        }
    }
}
