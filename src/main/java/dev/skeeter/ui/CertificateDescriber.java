package dev.skeeter.ui;

import dev.skeeter.certs.CertificateSummary;
import dev.skeeter.certs.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The profile form's one-line file summaries (subject and expiry, or the error), read with the client core's
 * {@link PemFiles}. Blocking file I/O: background threads only.
 */
final class CertificateDescriber {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CertificateDescriber() {
    }

    static String describe(Path file) {
        if (!Files.isRegularFile(file)) {
            return "No such file: " + file;
        }
        try {
            List<X509Certificate> certs = PemFiles.readCertificates(file);
            if (!certs.isEmpty()) {
                CertificateSummary first = CertificateSummary.of(certs.get(0));
                return first.subject() + ", expires " + DAY.format(first.notAfter())
                        + (certs.size() > 1 ? " (+" + (certs.size() - 1) + " more)" : "");
            }
        } catch (IOException | RuntimeException e) {
            // not certificates: maybe a key
        }
        try {
            if (PemFiles.isEncryptedKey(file)) {
                return "Encrypted private key (needs the passphrase)";
            }
            return PemFiles.readPrivateKey(file, null).getAlgorithm() + " private key";
        } catch (IOException | RuntimeException e) {
            return "Not a certificate or key: " + e.getMessage();
        }
    }
}
