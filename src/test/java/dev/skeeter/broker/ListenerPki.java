package dev.skeeter.broker;

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
 * TLS material for broker listeners, made by openssl at test time as the mosquitto guide makes it: a CA (with
 * openssl's {@code ca} database, so certificates can be revoked), server keys in every PEM form (RSA PKCS#1 and
 * PKCS#8, EC SEC1 and PKCS#8), client certificates (good, expired, revoked and listed in a CRL, from an unknown CA)
 * and a CA directory for {@code capath}. Generated once per test JVM into a world-readable directory (mosquitto's
 * clients read it).
 */
public final class ListenerPki {
    private static ListenerPki shared;
    private final Path dir;

    private ListenerPki(Path dir) {
        this.dir = dir;
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
        Files.writeString(file("ca.cnf"), String.join("\n",
                "[ca]", "default_ca = test_ca",
                "[test_ca]", "database = index.txt", "new_certs_dir = .", "serial = serial.txt",
                "default_md = sha256", "policy = any", "copy_extensions = copy", "unique_subject = no",
                "default_crl_days = 30", "default_days = 365",
                "[any]", "commonName = supplied", ""));
        Files.writeString(file("index.txt"), "");
        Files.writeString(file("serial.txt"), "1000\n");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ca.key");
        openssl("req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=Listener Test CA", "-days", "3650",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", "ca.pem");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "other-ca.key");
        openssl("req", "-x509", "-new", "-key", "other-ca.key", "-subj", "/CN=Unknown CA", "-days", "3650",
                "-addext", "basicConstraints=critical,CA:TRUE", "-out", "other-ca.pem");
        Files.createDirectories(caDir());
        Files.copy(ca(), caDir().resolve("ca.pem"));
        Files.writeString(caDir().resolve("README"), "not a certificate\n");

        openssl("genrsa", "-traditional", "-out", "rsa-pkcs1.key", "2048");
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", "rsa-pkcs1.key", "-out", "rsa-pkcs8.key");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", "ec-sec1.key");
        openssl("pkcs8", "-topk8", "-nocrypt", "-in", "ec-sec1.key", "-out", "ec-pkcs8.key");
        signed("rsa-pkcs1.key", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "server-rsa.pem", null);
        signed("ec-sec1.key", "localhost", "subjectAltName=DNS:localhost,IP:127.0.0.1", "server-ec.pem", null);

        for (String client : List.of("client", "expired", "revoked")) {
            openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", client + ".key");
        }
        signed("client.key", "good-client", "extendedKeyUsage=clientAuth", "client.pem", null);
        signed("expired.key", "expired-client", "extendedKeyUsage=clientAuth", "expired.pem",
                new String[] {"20200101000000Z", "20210101000000Z"});
        signed("revoked.key", "revoked-client", "extendedKeyUsage=clientAuth", "revoked.pem", null);
        openssl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-revoke", "revoked.pem");
        openssl("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-gencrl",
                "-out", "ca.crl");
        openssl("req", "-new", "-key", "client.key", "-subj", "/CN=stranger", "-out", "stranger.csr");
        openssl("x509", "-req", "-in", "stranger.csr", "-CA", "other-ca.pem", "-CAkey", "other-ca.key",
                "-CAcreateserial", "-days", "365", "-out", "stranger.pem");
    }

    private void signed(String key, String commonName, String extension, String out, String[] dates)
            throws IOException {
        String csr = out + ".csr";
        openssl("req", "-new", "-key", key, "-subj", "/CN=" + commonName, "-addext", extension, "-out", csr);
        List<String> args = new ArrayList<>(List.of("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem",
                "-keyfile", "ca.key", "-in", csr, "-notext", "-out", out));
        if (dates != null) {
            args.addAll(List.of("-startdate", dates[0], "-enddate", dates[1]));
        }
        openssl(args.toArray(String[]::new));
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require("openssl", "openssl").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("openssl " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
