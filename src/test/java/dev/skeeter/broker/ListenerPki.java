package dev.skeeter.broker;

import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.OpenSsl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TLS material for broker listeners, made by openssl at test time as the mosquitto guide makes it: a CA (with
 * openssl's {@code ca} database, so certificates can be revoked), server keys in every PEM form (RSA PKCS#1 and
 * PKCS#8, EC SEC1 and PKCS#8), client certificates (good, expired, revoked and listed in a CRL, from an unknown CA)
 * and a CA directory for {@code capath}. Generated once per test JVM into a world-readable directory (mosquitto's
 * clients read it).
 */
public final class ListenerPki {
    private static ListenerPki shared;
    private final Path dir;
    private final OpenSsl openssl;

    private ListenerPki(Path dir) {
        this.dir = dir;
        this.openssl = new OpenSsl(dir);
    }

    public static synchronized ListenerPki shared() throws IOException {
        if (shared == null) {
            ListenerPki pki = new ListenerPki(ExternalDaemon.readableDirectory("skeeter-listener-pki-"));
            pki.generate();
            shared = pki;
        }
        return shared;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public Path ca() {
        return file("ca.pem");
    }

    public Path otherCa() {
        return file("other-ca.pem");
    }

    /** A directory holding the CA certificate (and nothing else that is a certificate), for capath. */
    public Path caDir() {
        return file("cadir");
    }

    public Path crl() {
        return file("ca.crl");
    }

    /** The server certificate for localhost and 127.0.0.1 whose key is {@code key}. */
    public Path serverCert(String key) {
        return file(key.startsWith("rsa") ? "server-rsa.pem" : "server-ec.pem");
    }

    /** Server keys: rsa-pkcs1.key, rsa-pkcs8.key, ec-sec1.key, ec-pkcs8.key. */
    public Path serverKey(String key) {
        return file(key + ".key");
    }

    public ListenerTls tls(String key) {
        return ListenerTls.of(serverCert(key), serverKey(key)).withCaFile(ca());
    }

    private void generate() throws IOException {
        openssl.caDatabase();
        openssl.ca("ca", "Listener Test CA");
        openssl.ca("other-ca", "Unknown CA");
        Files.createDirectories(caDir());
        Files.copy(ca(), caDir().resolve("ca.pem"));
        Files.writeString(caDir().resolve("README"), "not a certificate\n");

        openssl.run("genrsa", "-traditional", "-out", "rsa-pkcs1.key", "2048");
        openssl.run("pkcs8", "-topk8", "-nocrypt", "-in", "rsa-pkcs1.key", "-out", "rsa-pkcs8.key");
        openssl.ecKey("ec-sec1.key");
        openssl.run("pkcs8", "-topk8", "-nocrypt", "-in", "ec-sec1.key", "-out", "ec-pkcs8.key");
        signed("rsa-pkcs1.key", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "server-rsa.pem", null);
        signed("ec-sec1.key", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "server-ec.pem", null);

        for (String client : List.of("client", "expired", "revoked")) {
            openssl.ecKey(client + ".key");
        }
        signed("client.key", "good-client", "extendedKeyUsage=clientAuth", "client.pem", null);
        signed("expired.key", "expired-client", "extendedKeyUsage=clientAuth", "expired.pem",
                new String[] {"20200101000000Z", "20210101000000Z"});
        signed("revoked.key", "revoked-client", "extendedKeyUsage=clientAuth", "revoked.pem", null);
        openssl.run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key",
                "-revoke", "revoked.pem");
        openssl.run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-gencrl",
                "-out", "ca.crl");
        openssl.run("req", "-new", "-key", "client.key", "-subj", "/CN=stranger", "-out", "stranger.csr");
        openssl.run("x509", "-req", "-in", "stranger.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca.key",
                "-CAcreateserial", "-days", "365", "-out", "stranger.pem");
    }

    private void signed(String key, String commonName, String extension, String out, String[] dates)
            throws IOException {
        String csr = out + ".csr";
        openssl.run("req", "-new", "-key", key, "-subj", "/CN=" + commonName, "-addext", extension, "-out", csr);
        List<String> args = new ArrayList<>(List.of("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem",
                "-keyfile", "ca.key", "-in", csr, "-notext", "-out", out));
        if (dates != null) {
            args.addAll(List.of("-startdate", dates[0], "-enddate", dates[1]));
        }
        openssl.run(args.toArray(String[]::new));
    }
}
