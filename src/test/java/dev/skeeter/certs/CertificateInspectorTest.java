package dev.skeeter.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateInspectorTest {
    private static final char[] SECRET = "s3cret".toCharArray();
    private static IssuedCertificate ca;
    private static IssuedCertificate server;
    private static IssuedCertificate otherCa;

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        ca = CertificateIssuer.createCa(CertificateRequest.ca("Inspect CA"));
        otherCa = CertificateIssuer.createCa(CertificateRequest.ca("Other CA"));
        server = CertificateIssuer.issue(ca, CertificateRequest.server().withKeyType(KeyType.RSA_2048));
        CertificateWriter.write(ca, dir, "ca", CertificateWriter.Options.DEFAULT);
        CertificateWriter.write(otherCa, dir, "other", CertificateWriter.Options.DEFAULT);
        CertificateWriter.write(server, dir, "server", new CertificateWriter.Options(null, SECRET, false));
        CertificateWriter.write(server, dir, "locked", new CertificateWriter.Options(SECRET, null, false));
        Files.write(dir.resolve("server.der"), server.certificate().getEncoded());
        Files.write(dir.resolve("server-key.der"), server.privateKey().getEncoded());
        Files.writeString(dir.resolve("chain.pem"), Files.readString(dir.resolve("server.crt"))
                + Files.readString(dir.resolve("ca.crt")));
        Files.writeString(dir.resolve("both.pem"), Files.readString(dir.resolve("server.crt"))
                + Files.readString(dir.resolve("server.key")));
    }

    @Test
    void reportsEverythingAboutAPemCertificate() throws Exception {
        Inspection inspection = inspect(dir.resolve("server.crt"), null, null, dir.resolve("ca.crt"));

        assertThat(inspection.format()).isEqualTo("PEM");
        CertificateSummary c = inspection.certificates().get(0);
        assertThat(c.subject()).isEqualTo("CN=localhost");
        assertThat(c.issuer()).isEqualTo("CN=Inspect CA");
        assertThat(c.publicKey()).isEqualTo("RSA 2048 bits");
        assertThat(c.sha256Fingerprint()).hasSize(32 * 3 - 1);
        assertThat(c.sha1Fingerprint()).hasSize(20 * 3 - 1);
        assertThat(inspection.chain().valid()).isTrue();
        assertThat(inspection.keyMatches()).isNull();
        String text = inspection.toText(Instant.now());
        assertThat(text).contains("Subject:      CN=localhost", "TLS server certificate", "DNS:localhost",
                "valid, expires in 82", "SHA-1:", "Chains to CA: yes");
    }

    @Test
    void derCertificateAndDerKeyAreReadToo() throws Exception {
        Inspection der = inspect(dir.resolve("server.der"), dir.resolve("server-key.der"), null, null);
        assertThat(der.format()).isEqualTo("DER certificate");
        assertThat(der.certificates()).hasSize(1);
        assertThat(der.keyMatches()).isTrue();
        Inspection key = inspect(dir.resolve("server-key.der"), null, null, null);
        assertThat(key.format()).isEqualTo("DER private key");
        assertThat(key.key()).isEqualTo("RSA 2048 bits");
    }

    @Test
    void chainFileAndKeyInOneFile() throws Exception {
        Inspection chain = inspect(dir.resolve("chain.pem"), null, null, dir.resolve("ca.crt"));
        assertThat(chain.certificates()).extracting(CertificateSummary::subject)
                .containsExactly("CN=localhost", "CN=Inspect CA");
        assertThat(chain.certificates().get(1).ca()).isTrue();
        assertThat(chain.chain().valid()).isTrue();

        Inspection both = inspect(dir.resolve("both.pem"), null, null, null);
        assertThat(both.keyMatches()).isTrue();
        assertThat(both.key()).isEqualTo("RSA 2048 bits");
    }

    @Test
    void wrongKeyAndWrongCaAreCalledOut() throws Exception {
        Inspection inspection = inspect(dir.resolve("server.crt"), dir.resolve("ca.key"), null,
                dir.resolve("other.crt"));
        assertThat(inspection.keyMatches()).isFalse();
        assertThat(inspection.chain().valid()).isFalse();
        assertThat(inspection.chain().detail()).isEqualTo("not signed by this CA");
        assertThat(inspection.needsAttention(Instant.now())).isTrue();
        assertThat(inspection.toText(Instant.now())).contains("Key matches:  NO", "Chains to CA: NO");
    }

    @Test
    void encryptedKeyAndPkcs12NeedTheirSecret() throws Exception {
        Inspection locked = inspect(dir.resolve("locked.key"), null, null, null);
        assertThat(locked.key()).isEqualTo("encrypted private key");
        assertThat(locked.notes()).anyMatch(n -> n.contains("give its passphrase"));
        Inspection unlocked = inspect(dir.resolve("locked.crt"), dir.resolve("locked.key"), SECRET, null);
        assertThat(unlocked.keyMatches()).isTrue();
        assertThat(unlocked.key()).startsWith("RSA 2048 bits, encrypted (").endsWith("locked.key)");

        Inspection p12 = inspect(dir.resolve("server.p12"), null, SECRET, dir.resolve("ca.crt"));
        assertThat(p12.format()).isEqualTo("PKCS#12");
        assertThat(p12.certificates()).hasSize(2);
        assertThat(p12.keyMatches()).isTrue();
        assertThat(p12.chain().valid()).isTrue();
        Inspection closed = inspect(dir.resolve("server.p12"), null, null, null);
        assertThat(closed.notes()).anyMatch(n -> n.contains("give its password"));
    }

    @Test
    void expiredAndSoonExpiringCertificatesAreFlagged() throws Exception {
        Inspection expired = inspect(TestPki.shared().expiredCert(), null, null, null);
        Instant now = Instant.now();
        assertThat(expired.needsAttention(now)).isTrue();
        assertThat(expired.toText(now)).contains("EXPIRED ");
        CertificateSummary leaf = CertificateSummary.of(server.certificate());
        Instant nearEnd = leaf.notAfter().minus(3, ChronoUnit.DAYS);
        assertThat(leaf.validityAt(nearEnd)).isEqualTo("EXPIRES SOON: expires in 3 days");
        assertThat(leaf.expiresSoonAfter(now)).isFalse();
        Inspection chainToExpired = inspect(TestPki.shared().expiredCert(), null, null, TestPki.shared().caCert());
        assertThat(chainToExpired.chain().detail()).contains("expired");
    }

    @Test
    void aFileWithNothingInItIsAnError(@TempDir Path other) throws Exception {
        Path junk = Files.writeString(other.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> inspect(junk, null, null, null)).hasMessageContaining("no certificate or private key");
        assertThatThrownBy(() -> inspect(other.resolve("missing"), null, null, null))
                .hasMessageContaining("no such file");
    }

    private static Inspection inspect(Path file, Path key, char[] passphrase, Path ca) throws Exception {
        return CertificateInspector.inspect(new CertificateInspector.Request(file, key, passphrase, ca));
    }
}
