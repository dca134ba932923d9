package dev.skeeter.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemFilesTest {
    private static TestPki pki;

    @BeforeAll
    static void pki() throws IOException {
        pki = TestPki.shared();
    }

    @Test
    void readsOpensslTrustedCertificateThatTheJdkRejects() throws Exception {
        byte[] trusted = Files.readAllBytes(pki.caTrustedCert());
        assertThat(new String(trusted, java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN TRUSTED CERTIFICATE-----");
        assertThatThrownBy(() -> CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(trusted))).isInstanceOf(CertificateException.class);

        List<X509Certificate> certificates = PemFiles.readCertificates(pki.caTrustedCert());

        assertThat(certificates).hasSize(1);
        assertThat(certificates.get(0)).isEqualTo(PemFiles.readCertificates(pki.caCert()).get(0));
    }

    @Test
    void readsEveryCertificateOfABundle(@TempDir Path dir) throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(pki.caCert()) + Files.readString(pki.otherCaCert()));

        assertThat(PemFiles.readCertificates(bundle)).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=Skeeter Test CA", "CN=Some Other CA");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "client.key, client.pem, false",                    // SEC1 EC
            "client-pkcs8.key, client.pem, false",              // PKCS#8
            "client-pkcs8-encrypted.key, client.pem, true",     // encrypted PKCS#8
            "client-sec1-encrypted.key, client.pem, true",      // legacy encrypted SEC1
            "client-rsa.key, client-rsa.pem, false",            // PKCS#1 RSA
            "client-rsa-encrypted.key, client-rsa.pem, true"    // legacy encrypted PKCS#1
    })
    void readsKeysThatMatchTheirCertificate(String keyFile, String certFile, boolean encrypted) throws Exception {
        Path key = pki.file(keyFile);
        assertThat(PemFiles.isEncryptedKey(key)).isEqualTo(encrypted);

        PrivateKey privateKey = PemFiles.readPrivateKey(key, encrypted ? TestPki.PASSPHRASE.toCharArray() : null);

        X509Certificate certificate = PemFiles.readCertificates(pki.file(certFile)).get(0);
        assertThat(signsFor(privateKey, certificate)).isTrue();
    }

    @Test
    void encryptedKeyWithoutPassphraseSaysOne() {
        assertThatThrownBy(() -> PemFiles.readPrivateKey(pki.file("client-pkcs8-encrypted.key"), null))
                .isInstanceOf(IOException.class).hasMessageContaining("passphrase is needed");
    }

    @Test
    void wrongPassphraseIsNamed() {
        assertThatThrownBy(() -> PemFiles.readPrivateKey(pki.file("client-rsa-encrypted.key"), "nope".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(pki.file("client-pkcs8-encrypted.key"),
                "nope".toCharArray())).isInstanceOf(IOException.class).hasMessageContaining("wrong passphrase");
    }

    @Test
    void fileWithoutCertificateOrKeyIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> PemFiles.readCertificates(notes)).hasMessageContaining("notes.txt")
                .hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(notes, null)).hasMessageContaining("no PEM private key");
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        return verifier.verify(signature);
    }
}
