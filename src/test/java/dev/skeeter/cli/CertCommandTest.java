package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.MosquittoBroker;
import dev.skeeter.testsupport.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skeeter cert} end to end: what it writes is checked by openssl and used by mosquitto 2 and its clients. */
class CertCommandTest {
    private final CommandRun run = new CommandRun();

    @Test
    void theGuidesFilesPassOpensslVerify() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-cert-");
        makeCaServerClient(dir);

        ProcessRun verify = ProcessRun.openssl(dir, "verify", "-CAfile", "ca.crt", "server.crt", "client.crt");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.output()).contains("server.crt: OK", "client.crt: OK");
        ProcessRun purpose = ProcessRun.openssl(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslserver",
                "-verify_hostname", "localhost", "server.crt");
        assertThat(purpose.exitCode()).as(purpose.toString()).isZero();
        ProcessRun clientPurpose = ProcessRun.openssl(dir, "verify", "-CAfile", "ca.crt", "-purpose", "sslclient",
                "client.crt");
        assertThat(clientPurpose.exitCode()).as(clientPurpose.toString()).isZero();
        assertThat(Files.readString(dir.resolve("mosquitto-tls.conf"))).contains("require_certificate true");
    }

    @Test
    void rsaCaWithEncryptedKeyAndPkcs12BundleAreReadByOpenssl() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-cert-");
        String d = dir.toString();
        assertThat(run.execute("cert", "ca", "-o", d, "--key-type", "rsa2048", "--key-passphrase=capass"))
                .as(run.err()).isZero();
        assertThat(run.execute("cert", "client", "-o", d, "--cn", "bob", "--name", "bob", "--key-type", "rsa3072",
                "--ca-passphrase=capass", "--key-passphrase=bobpass", "--p12=p12pass")).as(run.err()).isZero();

        ProcessRun key = ProcessRun.openssl(dir, "pkey", "-in", "ca.key", "-passin", "pass:capass", "-noout");
        assertThat(key.exitCode()).as(key.toString()).isZero();
        ProcessRun wrong = ProcessRun.openssl(dir, "pkey", "-in", "bob.key", "-passin", "pass:nope", "-noout");
        assertThat(wrong.exitCode()).as("a wrong passphrase is refused").isNotZero();
        ProcessRun p12 = ProcessRun.openssl(dir, "pkcs12", "-info", "-in", "bob.p12", "-passin", "pass:p12pass",
                "-nodes");
        assertThat(p12.exitCode()).as(p12.toString()).isZero();
        assertThat(p12.output()).contains("subject=CN = bob", "BEGIN PRIVATE KEY", "BEGIN CERTIFICATE");
        ProcessRun verify = ProcessRun.openssl(dir, "verify", "-CAfile", "ca.crt", "bob.crt");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(run.execute("cert", "inspect", d + "/bob.p12", "--password=p12pass", "--ca", d + "/ca.crt"))
                .as(run.err()).isZero();
        assertThat(run.out()).contains("Subject:      CN=bob", "RSA 3072 bits", "Key matches:  yes",
                "Chains to CA: yes");
    }

    @Test
    void mosquittoRequiringCertificatesAcceptsOurServerAndOurAndOpensslsClients() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-cert-");
        makeCaServerClient(dir);
        // a client certificate made by openssl, signed by our CA, as the mosquitto guide does it
        assertThat(ProcessRun.openssl(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "carol.key",
                "-subj", "/CN=carol", "-out", "carol.csr").exitCode()).isZero();
        assertThat(ProcessRun.openssl(dir, "x509", "-req", "-in", "carol.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "30", "-out", "carol.crt").exitCode()).isZero();

        int tlsPort = MosquittoBroker.freePort();
        List<String> snippet = new ArrayList<>(Files.readAllLines(dir.resolve("mosquitto-tls.conf")));
        snippet.replaceAll(line -> line.startsWith("listener ") ? "listener " + tlsPort + " 127.0.0.1" : line);
        try (MosquittoBroker mosquitto = MosquittoBroker.start(snippet.toArray(String[]::new))) {
            for (String client : List.of("client", "carol")) {
                ProcessRun sub = subscribeOnce(dir, tlsPort, client, mosquitto);
                assertThat(sub.exitCode()).as(client + ": " + sub + "\n" + mosquitto.log()).isZero();
                assertThat(sub.output()).contains("tls/" + client + " hello");
            }
            ProcessRun noCertificate = ProcessRun.run(dir, 20, "mosquitto_sub", "mosquitto-clients", "-h",
                    "localhost", "-p", String.valueOf(tlsPort), "-t", "x", "-C", "1", "-W", "5", "--cafile",
                    "ca.crt");
            assertThat(noCertificate.exitCode()).as("require_certificate refuses a client without one").isNotZero();
        }
    }

    @Test
    void existingFilesAndAMissingCaSayWhatToDo(@TempDir Path dir) {
        String d = dir.toString();
        assertThat(run.execute("cert", "server", "-o", d)).isEqualTo(1);
        assertThat(run.err()).contains("no CA certificate at", "skeeter cert ca -o " + d);

        assertThat(run.execute("cert", "ca", "-o", d)).isZero();
        assertThat(run.execute("cert", "ca", "-o", d)).isEqualTo(1);
        assertThat(run.err()).contains("already exist", "nothing was written", "--force");
        assertThat(run.execute("cert", "ca", "-o", d, "--force")).isZero();

        assertThat(run.execute("cert", "client", "-o", d, "--ca-key", d + "/missing.key")).isEqualTo(1);
        assertThat(run.err()).contains("no CA private key at");
        assertThat(run.execute("cert", "client", "-o", d, "--name", "alice")).isZero();
        assertThat(run.execute("cert", "client", "-o", d, "--ca-key", d + "/alice.key")).isEqualTo(1);
        assertThat(run.err()).contains("is not the private key of", "--ca-key");
        assertThat(run.execute("cert", "inspect", d + "/alice.crt", "--key", d + "/ca.key")).isEqualTo(1);
        assertThat(run.out()).contains("Key matches:  NO");
    }

    @Test
    void everyCommandsHelpShowsAnExample() {
        for (String command : List.of("ca", "server", "client", "inspect")) {
            assertThat(run.execute("cert", command, "--help")).isZero();
        }
        assertThat(run.out()).contains("skeeter cert ca -o certs", "skeeter cert server -o certs --san",
                "skeeter cert client -o certs --cn alice", "skeeter cert inspect certs/server.crt");
    }

    private void makeCaServerClient(Path dir) {
        String d = dir.toString();
        assertThat(run.execute("cert", "ca", "-o", d)).as(run.err()).isZero();
        assertThat(run.execute("cert", "server", "-o", d)).as(run.err()).isZero();
        assertThat(run.execute("cert", "client", "-o", d, "--cn", "client")).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote " + dir.resolve("server.key"), "listener 8883");
    }

    private static ProcessRun subscribeOnce(Path dir, int port, String client, MosquittoBroker mosquitto)
            throws Exception {
        String p = String.valueOf(port);
        List<String> tls = List.of("--cafile", "ca.crt", "--cert", client + ".crt", "--key", client + ".key");
        List<String> subArgs = new ArrayList<>(List.of("-h", "localhost", "-p", p, "-t", "tls/" + client, "-v", "-C", "1",
                "-W", "20", "-i", "sub-" + client));
        subArgs.addAll(tls);
        var sub = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ProcessRun.run(dir, 30, "mosquitto_sub", "mosquitto-clients", subArgs.toArray(String[]::new));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // retained, so the subscriber gets it whenever it has subscribed; one topic per client, so no earlier run leaks in
        List<String> pubArgs = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", p, "-t", "tls/" + client, "-m", "hello",
                "-r", "-q", "1"));
        pubArgs.addAll(tls);
        ProcessRun pub = ProcessRun.run(dir, 20, "mosquitto_pub", "mosquitto-clients", pubArgs.toArray(String[]::new));
        assertThat(pub.exitCode()).as("publish as " + client + ": " + pub + "\n" + mosquitto.log()).isZero();
        return sub.get(40, java.util.concurrent.TimeUnit.SECONDS);
    }
}
