package dev.skeeter.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Debian's mosquitto_pub and mosquitto_sub with --cafile, --cert and --key against our TLS listeners. */
class MosquittoClientsTlsTest {
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static Path sub;
    private static Path pub;
    private static ListenerPki pki;
    private static Broker broker;
    private static int tlsPort;
    private static int certPort;

    @BeforeAll
    static void start() throws Exception {
        sub = ExternalTools.require("mosquitto_sub", "mosquitto-clients");
        pub = ExternalTools.require("mosquitto_pub", "mosquitto-clients");
        pki = ListenerPki.shared();
        broker = Broker.create(BrokerConfig.builder()
                .listener(new ListenerConfig(0, "127.0.0.1").withTls(pki.tls("rsa-pkcs1")))
                .listener(new ListenerConfig(0, "127.0.0.1").withTls(pki.tls("ec-sec1").withRequireCertificate(true)
                        .withCrlFile(pki.crl())))
                .build());
        broker.addListener(new BrokerListener() {
            @Override
            public void log(BrokerLogEvent event) {
                LOG.add(event.message());
            }
        });
        var bound = broker.start().get(10, SECONDS);
        tlsPort = bound.get(0).getPort();
        certPort = bound.get(1).getPort();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void mosquittoClientsTalkThroughATlsListenerWithCafileOnly() throws Exception {
        roundTrip(tlsPort, "tls/plain", List.of("--cafile", pki.ca().toString()));
    }

    @Test
    void mosquittoClientsWithAGoodCertificateGetThroughRequireCertificate() throws Exception {
        roundTrip(certPort, "tls/cert", List.of("--cafile", pki.ca().toString(), "--cert",
                pki.file("client.pem").toString(), "--key", pki.file("client.key").toString()));
    }

    @Test
    void aClientWithoutACertificateIsRefusedWhenOneIsRequired() throws Exception {
        assertThat(run(pub, certPort, "--cafile", pki.ca().toString(), "-t", "t", "-m", "x")).isNotZero();
        awaitLog("no client certificate (require_certificate is true)");
    }

    @Test
    void aClientTrustingAnotherCaRefusesOurServer() throws Exception {
        assertThat(run(pub, tlsPort, "--cafile", pki.otherCa().toString(), "-t", "t", "-m", "x")).isNotZero();
    }

    @Test
    void expiredAndRevokedClientCertificatesAreRefusedAndLogged() throws Exception {
        for (String name : List.of("expired", "revoked")) {
            assertThat(run(pub, certPort, "--cafile", pki.ca().toString(), "--cert", pki.file(name + ".pem")
                    .toString(), "--key", pki.file(name + ".key").toString(), "-t", "t", "-m", "x"))
                    .as(name).isNotZero();
        }
        awaitLog("client certificate 'CN=expired-client' refused: it expired on 2021-01-01T00:00:00Z");
        awaitLog("client certificate 'CN=revoked-client' refused: it is revoked (crlfile)");
    }

    private static void roundTrip(int port, String topic, List<String> tls) throws Exception {
        List<String> subArgs = new ArrayList<>(tls);
        subArgs.addAll(List.of("-t", topic, "-q", "1", "-C", "1", "-W", "10", "-v"));
        Process subscriber = start(sub, port, subArgs);
        List<String> pubArgs = new ArrayList<>(tls);
        pubArgs.addAll(List.of("-t", topic, "-q", "1", "-m", "secret"));
        // mosquitto_sub gives no sign of having subscribed: publish until it has received one and exited.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(run(pub, port, pubArgs.toArray(String[]::new))).isZero();
            return !subscriber.isAlive();
        });
        assertThat(new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(topic + " secret\n");
    }

    private static Process start(Path tool, int port, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(tool.toString(), "-h", "localhost", "-p",
                String.valueOf(port)));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int run(Path tool, int port, String... args) throws Exception {
        Process process = start(tool, port, List.of(args));
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(tool + " did not finish");
        }
        return process.exitValue();
    }

    private static void awaitLog(String text) {
        Awaitility.await(text).atMost(Duration.ofSeconds(10)).until(() -> LOG.stream().anyMatch(l -> l.contains(text)));
    }
}
