package dev.skeeter.ui;

import dev.skeeter.certs.CertificateFiles;
import java.nio.file.Path;

/**
 * The profile form's one-line file summaries (subject and expiry, or the error), in the client core's words.
 * Blocking file I/O: background threads only.
 */
final class CertificateDescriber {
    private CertificateDescriber() {
    }

    static String describe(Path file) {
        return CertificateFiles.describe(file);
    }
}
