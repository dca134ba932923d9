package dev.skeeter.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateWriterTest {
    private static final char[] SECRET = "s3cret".toCharArray();
    private static IssuedCertificate ca;
    private static IssuedCertificate client;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        ca = CertificateIssuer.createCa(CertificateRequest.ca("Writer CA"));
        client = CertificateIssuer.issue(ca, CertificateRequest.client("alice"));
    }

    @Test
    void writesTheGuidesFileNamesWithPrivateKeysReadableByTheOwnerOnly() throws Exception {
        var written = CertificateWriter.write(ca, dir, "ca", CertificateWriter.Options.DEFAULT);

        assertThat(written).extracting(CertificateWriter.Written::file)
                .containsExactly(dir.resolve("ca.crt"), dir.resolve("ca.key"));
        assertThat(permissions(dir.resolve("ca.key"))).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("ca.crt"))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemFiles.readCertificates(dir.resolve("ca.crt"))).containsExactly(ca.certificate());
        IssuedCertificate loaded = IssuedCertificate.loadCa(dir.resolve("ca.crt"), dir.resolve("ca.key"), null);
        assertThat(loaded.privateKey().getEncoded()).isEqualTo(ca.privateKey().getEncoded());
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).as("no temporary files left").hasSize(2);
        }
    }

    @Test
    void neverOverwritesWithoutBeingToldAndThenWritesNothingAtAll() throws Exception {
        Files.writeString(dir.resolve("client.key"), "my precious key");
        var options = new CertificateWriter.Options(null, SECRET, false);

        assertThatThrownBy(() -> CertificateWriter.write(client, dir, "client", options))
                .isInstanceOf(ExistingFilesException.class)
                .hasMessageContaining("client.key")
                .satisfies(e -> assertThat(((ExistingFilesException) e).files())
                        .containsExactly(dir.resolve("client.key")));
        assertThat(Files.readString(dir.resolve("client.key"))).isEqualTo("my precious key");
        assertThat(dir.resolve("client.crt")).doesNotExist();
        assertThat(dir.resolve("client.p12")).doesNotExist();

        CertificateWriter.write(client, dir, "client", new CertificateWriter.Options(null, SECRET, true));
        assertThat(Files.readString(dir.resolve("client.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(permissions(dir.resolve("client.key"))).isEqualTo("rw-------");
    }

    @Test
    void encryptedKeyNeedsItsPassphrase() throws Exception {
        CertificateWriter.write(client, dir, "alice", new CertificateWriter.Options(SECRET, null, false));
        Path key = dir.resolve("alice.key");

        assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(PemFiles.isEncryptedKey(key)).isTrue();
        PrivateKey read = PemFiles.readPrivateKey(key, SECRET);
        assertThat(read.getEncoded()).isEqualTo(client.privateKey().getEncoded());
        assertThatThrownBy(() -> PemFiles.readPrivateKey(key, "wrong".toCharArray()))
                .hasMessageContaining("wrong passphrase");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(key, null)).hasMessageContaining("passphrase is needed");
    }

    @Test
    void pkcs12BundleHoldsKeyCertificateAndCaForJavasKeyStore() throws Exception {
        CertificateWriter.write(client, dir, "client", new CertificateWriter.Options(null, SECRET, false));
        Path p12 = dir.resolve("client.p12");

        assertThat(permissions(p12)).isEqualTo("rw-------");
        KeyStore store = KeyStore.getInstance(p12.toFile(), SECRET);
        assertThat(store.getType()).isEqualToIgnoringCase("PKCS12");
        assertThat(store.isKeyEntry("client")).isTrue();
        Certificate[] chain = store.getCertificateChain("client");
        assertThat(chain).containsExactly(client.certificate(), ca.certificate());
        assertThat(store.getKey("client", SECRET).getEncoded()).isEqualTo(client.privateKey().getEncoded());
        assertThatThrownBy(() -> KeyStore.getInstance(p12.toFile(), "wrong".toCharArray()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void loadingACaChecksTheKeyAndTheCaFlag() throws Exception {
        CertificateWriter.write(ca, dir, "ca", CertificateWriter.Options.DEFAULT);
        CertificateWriter.write(client, dir, "client", CertificateWriter.Options.DEFAULT);

        assertThatThrownBy(() -> IssuedCertificate.loadCa(dir.resolve("ca.crt"), dir.resolve("client.key"), null))
                .isInstanceOf(KeyMismatchException.class).hasMessageContaining("is not the private key of");
        assertThatThrownBy(() -> IssuedCertificate.loadCa(dir.resolve("client.crt"), dir.resolve("client.key"),
                null)).hasMessageContaining("is not a CA certificate");
    }

    @Test
    void mosquittoSnippetNamesTheFilesWithAbsolutePaths() {
        String snippet = MosquittoSnippet.tlsListener(8883, Path.of("ca.crt"), Path.of("server.crt"),
                Path.of("server.key"), true);
        assertThat(snippet).contains("listener 8883\n", "cafile " + Path.of("ca.crt").toAbsolutePath(),
                "certfile " + Path.of("server.crt").toAbsolutePath(), "require_certificate true\n",
                "use_identity_as_username true\n");
        assertThat(MosquittoSnippet.fileName("server")).isEqualTo("mosquitto-tls.conf");
        assertThatThrownBy(() -> CertificateWriter.write(client, dir, "../x", CertificateWriter.Options.DEFAULT))
                .hasMessageContaining("file name");
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
