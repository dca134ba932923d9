package dev.skeeter.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.certs.CertificateIssuer;
import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.IssuedCertificate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCertificateViewModelTest {
    @TempDir
    Path dir;

    private InspectCertificateViewModel at(Instant now) {
        return new InspectCertificateViewModel(Runnable::run, Runnable::run, Clock.fixed(now, ZoneOffset.UTC));
    }

    private IssuedCertificate ca() throws Exception {
        IssuedCertificate ca = CertificateIssuer.createCa(CertificateRequest.ca("Test CA"));
        CertificateWriter.write(ca, dir, "ca", CertificateWriter.Options.DEFAULT);
        return ca;
    }

    @Test
    void aGoodCertificateWithItsKeyAndCaIsValid() throws Exception {
        IssuedCertificate server = CertificateIssuer.issue(ca(), CertificateRequest.server());
        CertificateWriter.write(server, dir, "server", CertificateWriter.Options.DEFAULT);
        InspectCertificateViewModel inspect = at(Instant.now());
        inspect.keyFile.set(dir.resolve("server.key").toString());
        inspect.caFile.set(dir.resolve("ca.crt").toString());

        inspect.inspect(dir.resolve("server.crt"));

        assertThat(inspect.verdictProperty().get().level()).isEqualTo(InspectionVerdict.Level.OK);
        assertThat(inspect.verdictProperty().get().text()).startsWith("Valid: CN=localhost, expires in 82")
                .endsWith("signed by the CA");
        assertThat(inspect.reportProperty().get()).contains("Key matches:  yes", "Chains to CA: yes", "SHA-256:");
    }

    @Test
    void expiredAndSoonToExpireCertificatesAreFlagged() throws Exception {
        IssuedCertificate client = CertificateIssuer.issue(ca(), CertificateRequest.client("alice")
                .withValidityDays(10));
        CertificateWriter.write(client, dir, "alice", CertificateWriter.Options.DEFAULT);

        InspectCertificateViewModel soon = at(Instant.now());
        soon.inspect(dir.resolve("alice.crt"));
        assertThat(soon.verdictProperty().get().level()).isEqualTo(InspectionVerdict.Level.WARN);
        assertThat(soon.verdictProperty().get().text()).startsWith("Expires soon: CN=alice expires in ");

        InspectCertificateViewModel later = at(Instant.now().plus(Duration.ofDays(12)));
        later.inspect(dir.resolve("alice.crt"));
        assertThat(later.verdictProperty().get().level()).isEqualTo(InspectionVerdict.Level.ERROR);
        assertThat(later.verdictProperty().get().text()).startsWith("Expired: CN=alice (EXPIRED 2 days ago)");
    }

    @Test
    void aWrongKeyAnotherCaAndALockedBundleAreSaidPlainly() throws Exception {
        IssuedCertificate ca = ca();
        IssuedCertificate alice = CertificateIssuer.issue(ca, CertificateRequest.client("alice"));
        IssuedCertificate bob = CertificateIssuer.issue(ca, CertificateRequest.client("bob"));
        CertificateWriter.write(alice, dir, "alice", new CertificateWriter.Options(null, "pw".toCharArray(), false));
        CertificateWriter.write(bob, dir, "bob", CertificateWriter.Options.DEFAULT);
        InspectCertificateViewModel inspect = at(Instant.now());

        inspect.keyFile.set(dir.resolve("bob.key").toString());
        inspect.inspect(dir.resolve("alice.crt"));
        assertThat(inspect.verdictProperty().get().text())
                .isEqualTo("The private key does not belong to the certificate");

        inspect.keyFile.set("");
        inspect.inspect(dir.resolve("alice.p12"));
        assertThat(inspect.needsPasswordProperty().get()).isTrue();
        assertThat(inspect.verdictProperty().get().level()).isEqualTo(InspectionVerdict.Level.WARN);
        inspect.password.set("pw");
        inspect.inspect();
        assertThat(inspect.reportProperty().get()).contains("(PKCS#12)", "Certificate 1 of 2", "CN=alice");
        assertThat(inspect.verdictProperty().get().level()).isEqualTo(InspectionVerdict.Level.OK);

        inspect.inspect(dir.resolve("missing.crt"));
        assertThat(inspect.verdictProperty().get().text()).startsWith("Cannot read it: no such file");
    }
}
