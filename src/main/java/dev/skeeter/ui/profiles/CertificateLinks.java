package dev.skeeter.ui.profiles;

import java.nio.file.Path;

/** Where the TLS section's certificate links lead: Inspect certificate on a chosen file, and the wizard. */
public interface CertificateLinks {
    CertificateLinks NONE = new CertificateLinks() {
        @Override
        public void inspect(Path file) {
        }

        @Override
        public void openWizard() {
        }
    };

    void inspect(Path file);

    void openWizard();
}
