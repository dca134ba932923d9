package dev.skeeter.certs;

import static org.junit.jupiter.api.Assertions.fail;

import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small PKI made by openssl at test time: a CA, a second CA nobody trusts, server certificates (good, for the
 * wrong host, expired), a client certificate and the client key in every PEM form we read. Generated once per test
 * JVM into a world-readable directory (mosquitto reads the server files).
 */
public final class TestPki {
    public static final String PASSPHRASE = "secret";
    private static TestPki shared;

    private final Path dir;

    private TestPki(Path dir) {
        this.dir = dir;
    }

    public static synchronized TestPki shared() throws IOException {
        if (shared == null) {
            Path dir = ExternalDaemon.readableDirectory("skeeter-pki-");
            TestPki pki = new TestPki(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "delete-test-pki"));
            pki.generate();
            shared = pki;
        }
        return shared;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public Path caCert() {
        return file("ca.pem");
    }

    /** The CA in openssl's {@code BEGIN TRUSTED CERTIFICATE} form (what {@code -addtrust clientAuth} writes). */
    public Path caTrustedCert() {
        return file("ca-trusted.pem");
    }

    public Path otherCaCert() {
        return file("other-ca.pem");
    }

    public Path serverCert() {
        return file("server.pem");
    }

    public Path serverKey() {
        return file("server.key");
    }

    /** Signed by the CA, but names only elsewhere.example. */
    public Path wrongHostCert() {
        return file("wronghost.pem");
    }

    /** Signed by the CA, valid only during 2020. */
    public Path expiredCert() {
        return file("expired.pem");
    }

    /** Signed by the CA, valid only in 2099. */
    public Path futureCert() {
        return file("future.pem");
    }

    /** The client key's certificate, signed by the CA nobody trusts. */
    public Path clientCertFromOtherCa() {
        return file("client-other-ca.pem");
    }

    public Path clientCert() {
        return file("client.pem");
    }

    /** SEC1 ({@code BEGIN EC PRIVATE KEY}). */
    public Path clientKey() {
        return file("client.key");
    }

    /** mosquitto.conf lines for a TLS listener on 127.0.0.1:port showing {@code certificate} (with the server key). */
    public List<String> mosquittoTlsListener(int port, Path certificate) {
        return List.of("listener " + port + " 127.0.0.1", "cafile " + caCert(), "certfile " + certificate,
                "keyfile " + serverKey());
    }

    private void generate() throws IOException {
        ca("ca", "Skeeter Test CA");
        ca("other-ca", "Some Other CA");
        openssl("x509", "-in", "ca.pem", "-addtrust", "clientAuth", "-out", "ca-trusted.pem");

        ecKey("server.key");
        csr("server.key", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "server.csr");
        sign("server.csr", "server.pem");
        csr("server.key", "elsewhere.example", "subjectAltName=DNS:elsewhere.example", "wronghost.csr");
        sign("wronghost.csr", "wronghost.pem");
        dated("server.csr", "expired.pem", "20200101000000Z", "20210101000000Z");
        dated("server.csr", "future.pem", "20990101000000Z", "20991231000000Z");

        ecKey("client.key");
        csr("client.key", "skeeter-client", "extendedKeyUsage=clientAuth", "client.csr");
        sign("client.csr", "client.pem");
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", "client.key", "-out", "client-pkcs8.key");
        openssl("pkcs8", "-topk8", "-in", "client.key", "-v2", "aes-256-cbc", "-passout", "pass:" + PASSPHRASE,
                "-out", "client-pkcs8-encrypted.key");
        openssl("ec", "-in", "client.key", "-aes256", "-passout", "pass:" + PASSPHRASE,
                "-out", "client-sec1-encrypted.key");
        openssl("genrsa", "-traditional", "-out", "client-rsa.key", "2048");
        openssl("rsa", "-in", "client-rsa.key", "-aes256", "-traditional", "-passout", "pass:" + PASSPHRASE,
                "-out", "client-rsa-encrypted.key");
        csr("client-rsa.key", "skeeter-rsa-client", "extendedKeyUsage=clientAuth", "client-rsa.csr");
        sign("client-rsa.csr", "client-rsa.pem");
        // a client certificate from a CA the broker does not know
        openssl("x509", "-req", "-in", "client.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca.key",
                "-CAcreateserial", "-days", "365", "-copy_extensions", "copy", "-out", "client-other-ca.pem");
        openssl("pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-passout", "pass:" + PASSPHRASE,
                "-out", "client.p12");
    }

    private void ca(String name, String commonName) throws IOException {
        ecKey(name + ".key");
        openssl("req", "-x509", "-new", "-key", name + ".key", "-subj", "/CN=" + commonName, "-days", "3650",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", name + ".pem");
    }

    private void ecKey(String file) throws IOException {
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", file);
    }

    private void csr(String key, String commonName, String extension, String out) throws IOException {
        openssl("req", "-new", "-key", key, "-subj", "/CN=" + commonName, "-addext", extension, "-out", out);
    }

    private void sign(String csr, String out) throws IOException {
        openssl("x509", "-req", "-in", csr, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "365",
                "-copy_extensions", "copy", "-out", out);
    }

    /** openssl 3.0's x509 cannot back-date; its ca command takes explicit start and end dates. */
    private void dated(String csr, String out, String start, String end) throws IOException {
        Files.writeString(file("ca.cnf"), String.join("\n",
                "[ca]", "default_ca = test_ca",
                "[test_ca]", "database = index.txt", "new_certs_dir = .", "serial = serial.txt",
                "default_md = sha256", "policy = any", "copy_extensions = copy", "unique_subject = no",
                "[any]", "commonName = supplied", ""));
        Files.writeString(file("index.txt"), "");
        Files.writeString(file("serial.txt"), "1000\n");
        openssl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", csr,
                "-startdate", start, "-enddate", end, "-notext", "-out", out);
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require("openssl", "openssl").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("openssl " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
