package dev.skeeter.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.certs.CertificateInspector;
import dev.skeeter.certs.ExistingFilesException;
import dev.skeeter.certs.KeyType;
import dev.skeeter.testsupport.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateBatchTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWriteTheFilesSkeeterCertWritesAndOpensslVerifiesThem() throws Exception {
        List<String> steps = new ArrayList<>();
        CertificateBatch.Result result = CertificateBatch.run(WizardSettings.defaults(dir), false,
                (index, total, text) -> steps.add(index + "/" + total + " " + text));

        assertThat(steps).containsExactly("1/3 CA certificate (EC P-256 key)", "2/3 Server certificate (EC P-256 key)",
                "3/3 Client certificate for client (EC P-256 key)");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ca.crt", "ca.key",
                    "server.crt", "server.key", "mosquitto-tls.conf", "client.crt", "client.key");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("client.key"))))
                .isEqualTo("rw-------");
        assertThat(result.mosquittoSnippet()).contains("listener 8883", "require_certificate true",
                "cafile " + dir.resolve("ca.crt"));
        ProcessRun verify = ProcessRun.openssl(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslserver",
                "-verify_hostname", "localhost", "server.crt");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        ProcessRun client = ProcessRun.openssl(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslclient",
                "client.crt");
        assertThat(client.exitCode()).as(client.toString()).isZero();
    }

    @Test
    void severalClientsEncryptedKeysAndBundlesWithAnExistingCa() throws Exception {
        CertificateBatch.run(WizardSettings.defaults(dir), false, (i, t, s) -> { });
        Path other = Files.createDirectory(dir.resolve("other"));
        WizardSettings d = WizardSettings.defaults(other);
        WizardSettings s = new WizardSettings(false, null, null, 1, dir.resolve("ca.crt"), dir.resolve("ca.key"),
                null, "broker.lan", List.of("broker.lan", "192.168.1.10"), KeyType.RSA_2048, 400,
                List.of("alice", "Bob Smith"), KeyType.EC_P384, 30, other, "secret".toCharArray(),
                "p12pass".toCharArray(), d.tlsPort());

        CertificateBatch.Result result = CertificateBatch.run(s, false, (i, t, x) -> { });

        try (var files = Files.list(other)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("server.crt",
                    "server.key", "server.p12", "mosquitto-tls.conf", "alice.crt", "alice.key", "alice.p12",
                    "bob-smith.crt", "bob-smith.key", "bob-smith.p12");
        }
        assertThat(result.caCertificate()).isEqualTo(dir.resolve("ca.crt"));
        assertThat(ProcessRun.openssl(other, "verify", "-CAfile", dir.resolve("ca.crt").toString(), "server.crt",
                "alice.crt", "bob-smith.crt").exitCode()).isZero();
        // the client keys are encrypted, the server's is not (a broker reads it at start, with nobody to ask)
        assertThat(ProcessRun.openssl(other, "pkey", "-in", "alice.key", "-passin", "pass:secret", "-noout")
                .exitCode()).isZero();
        assertThat(Files.readString(other.resolve("alice.key"))).contains("ENCRYPTED PRIVATE KEY");
        assertThat(Files.readString(other.resolve("server.key"))).doesNotContain("ENCRYPTED");
        assertThat(ProcessRun.openssl(other, "pkcs12", "-info", "-in", "bob-smith.p12", "-passin", "pass:p12pass",
                "-nokeys").exitCode()).isZero();
        var inspection = CertificateInspector.inspect(CertificateInspector.Request.of(other.resolve("server.crt")));
        assertThat(inspection.certificates().get(0).subjectAltNames()).contains("DNS:broker.lan", "IP:192.168.1.10");
        assertThat(inspection.certificates().get(0).publicKey()).contains("RSA");
    }

    @Test
    void anExistingFileStopsTheBatchBeforeAnythingIsWritten() throws Exception {
        Files.writeString(dir.resolve("client.key"), "mine");

        assertThatThrownBy(() -> CertificateBatch.run(WizardSettings.defaults(dir), false, (i, t, s) -> { }))
                .isInstanceOf(ExistingFilesException.class).hasMessageContaining("client.key");

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("client.key");
        }
        assertThat(Files.readString(dir.resolve("client.key"))).isEqualTo("mine");
        CertificateBatch.run(WizardSettings.defaults(dir), true, (i, t, s) -> { });
        assertThat(Files.readString(dir.resolve("client.key"))).contains("PRIVATE KEY");
    }
}
