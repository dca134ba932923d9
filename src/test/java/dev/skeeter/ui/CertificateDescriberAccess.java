package dev.skeeter.ui;

import java.nio.file.Path;

/** Lets tests in other packages use the app's certificate describer. */
public final class CertificateDescriberAccess {
    private CertificateDescriberAccess() {
    }

    public static String describe(Path file) {
        return CertificateDescriber.describe(file);
    }
}
