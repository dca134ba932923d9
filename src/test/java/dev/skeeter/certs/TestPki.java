package dev.skeeter.certs;

import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.OpenSsl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small PKI made by openssl at test time: a CA, a second CA nobody trusts, server certificates (good, for the
 * wrong host, expired), a client certificate and the client key in every PEM form we read. Generated once per test
 * JVM into a world-readable directory (mosquitto reads the server files).
 */
public final class TestPki {
    public static final String PASSPHRASE = "secret";
    private static TestPki shared;

    private final Path dir;
    private final OpenSsl openssl;

    private TestPki(Path dir) {
        this.dir = dir;
        this.openssl = new OpenSsl(dir);
    }

    public static synchronized TestPki shared() throws IOException {
        if (shared == null) {
            TestPki pki = new TestPki(ExternalDaemon.readableDirectory("skeeter-pki-"));
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
        openssl.ca("ca", "Skeeter Test CA");
        openssl.ca("other-ca", "Some Other CA");
        openssl.caDatabase();
        openssl.run("x509", "-in", "ca.pem", "-addtrust", "clientAuth", "-out", "ca-trusted.pem");

        openssl.ecKey("server.key");
        csr("server.key", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "server.csr");
        sign("server.csr", "server.pem");
        csr("server.key", "elsewhere.example", "subjectAltName=DNS:elsewhere.example", "wronghost.csr");
        sign("wronghost.csr", "wronghost.pem");
        dated("server.csr", "expired.pem", "20200101000000Z", "20210101000000Z");
        dated("server.csr", "future.pem", "20990101000000Z", "20991231000000Z");

        openssl.ecKey("client.key");
        csr("client.key", "skeeter-client", "extendedKeyUsage=clientAuth", "client.csr");
        sign("client.csr", "client.pem");
        openssl.run("pkcs8", "-topk8", "-nocrypt", "-in", "client.key", "-out", "client-pkcs8.key");
        openssl.run("pkcs8", "-topk8", "-in", "client.key", "-v2", "aes-256-cbc", "-passout", "pass:" + PASSPHRASE,
                "-out", "client-pkcs8-encrypted.key");
        openssl.run("ec", "-in", "client.key", "-aes256", "-passout", "pass:" + PASSPHRASE,
                "-out", "client-sec1-encrypted.key");
        openssl.run("genrsa", "-traditional", "-out", "client-rsa.key", "2048");
        openssl.run("rsa", "-in", "client-rsa.key", "-aes256", "-traditional", "-passout", "pass:" + PASSPHRASE,
                "-out", "client-rsa-encrypted.key");
        csr("client-rsa.key", "skeeter-rsa-client", "extendedKeyUsage=clientAuth", "client-rsa.csr");
        sign("client-rsa.csr", "client-rsa.pem");
        // a client certificate from a CA the broker does not know
        openssl.run("x509", "-req", "-in", "client.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca.key",
                "-CAcreateserial", "-days", "365", "-copy_extensions", "copy", "-out", "client-other-ca.pem");
        openssl.run("pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-passout", "pass:" + PASSPHRASE,
                "-out", "client.p12");
    }

    private void csr(String key, String commonName, String extension, String out) throws IOException {
        openssl.run("req", "-new", "-key", key, "-subj", "/CN=" + commonName, "-addext", extension, "-out", out);
    }

    private void sign(String csr, String out) throws IOException {
        openssl.run("x509", "-req", "-in", csr, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "365",
                "-copy_extensions", "copy", "-out", out);
    }

    private void dated(String csr, String out, String start, String end) throws IOException {
        openssl.run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", csr,
                "-startdate", start, "-enddate", end, "-notext", "-out", out);
    }
}
