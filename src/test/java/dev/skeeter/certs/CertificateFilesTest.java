package dev.skeeter.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFilesTest {
    @Test
    void certificateIsDescribedBySubjectAndExpiry() throws Exception {
        TestPki pki = TestPki.shared();
        String expected = "CN=Skeeter Test CA, expires " + LocalDate.now(ZoneOffset.UTC).plusDays(3650);
        assertThat(CertificateFiles.describe(pki.caCert())).isEqualTo(expected);
        assertThat(CertificateFiles.describe(pki.caTrustedCert())).isEqualTo(expected);
    }

    @Test
    void expiredCertificateIsMarked() throws Exception {
        assertThat(CertificateFiles.describe(TestPki.shared().expiredCert())).isEqualTo("CN=localhost, EXPIRED 2021-01-01");
    }

    @Test
    void keysAreDescribedWithoutPassphrase() throws Exception {
        TestPki pki = TestPki.shared();
        assertThat(CertificateFiles.describe(pki.clientKey())).isEqualTo("EC private key");
        assertThat(CertificateFiles.describe(pki.file("client-rsa.key"))).isEqualTo("RSA private key");
        assertThat(CertificateFiles.describe(pki.file("client-pkcs8-encrypted.key")))
                .isEqualTo("encrypted private key (needs a passphrase)");
        assertThat(CertificateFiles.describe(pki.file("client.p12")))
                .isEqualTo("PKCS#12 or JKS key store (needs its password)");
    }

    @Test
    void problemsAreDescribedNotThrown(@TempDir Path dir) throws Exception {
        assertThat(CertificateFiles.describe(dir.resolve("missing.pem"))).startsWith("no such file");
        assertThat(CertificateFiles.describe(Files.writeString(dir.resolve("x.pem"), "junk")))
                .startsWith("not a certificate or key");
        assertThat(CertificateFiles.describe(null)).isEqualTo("no file chosen");
    }
}
