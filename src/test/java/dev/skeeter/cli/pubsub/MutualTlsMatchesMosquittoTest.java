package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.certs.TestPki;
import dev.skeeter.testsupport.MosquittoBroker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * pub and sub over mutual TLS (certificates made by openssl) against mosquitto 2 requiring client certificates,
 * compared with mosquitto's tools; the guide's TLS command runs as written (with the test's port).
 */
class MutualTlsMatchesMosquittoTest {
    private static MosquittoBroker mosquitto;
    private static TestPki pki;
    private static String port;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.shared();
        int tlsPort = MosquittoBroker.freePort();
        List<String> config = new ArrayList<>(pki.mosquittoTlsListener(tlsPort, pki.serverCert()));
        config.add("require_certificate true");
        config.add("sys_interval 1");
        mosquitto = MosquittoBroker.start(config.toArray(String[]::new));
        port = String.valueOf(tlsPort);
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static String[] tls(String tool, String... args) {
        List<String> all = new ArrayList<>(List.of(tool, "-h", "localhost", "-p", port, "--cafile",
                pki.caCert().toString(), "--cert", pki.clientCert().toString(), "--key", pki.clientKey().toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void subAndPubOverMutualTlsMatchMosquittosTools() {
        String topic = "tls-" + System.nanoTime();
        String[] theirPub = tls("pub", "-t", topic + "/one", "-m", "from mosquitto_pub", "-r", "-q", "1");
        MosquittoTool published = MosquittoTool.run("pub", null, List.of(theirPub).subList(1, theirPub.length)
                .toArray(String[]::new));
        assertThat(published.exitCode()).as(published.err()).isZero();
        CliRun ourPub = new CliRun();
        assertThat(ourPub.execute(tls("pub", "-t", topic + "/two", "-m", "from skeeter pub", "-r", "-q", "1")))
                .as(ourPub.err()).isZero();

        String[] sub = tls("sub", "-t", topic + "/#", "-v", "-C", "2", "-F", "%t %r %q %p");
        MosquittoTool theirs = MosquittoTool.run("sub", null, List.of(sub).subList(1, sub.length)
                .toArray(String[]::new));
        CliRun ours = new CliRun();
        assertThat(ours.execute(sub)).as(ours.err()).isEqualTo(theirs.exitCode()).isZero();
        assertThat(ours.out()).isEqualTo(theirs.out());
        assertThat(ours.outText()).contains(topic + "/two 1 0 from skeeter pub\n");
    }

    @Test
    void theGuidesTlsCommandPrintsTheBrokersByteCounters() {
        CliRun ours = new CliRun();
        assertThat(ours.execute(tls("sub", "-t", "$SYS/broker/bytes/#", "-v", "-C", "2"))).as(ours.err()).isZero();
        assertThat(ours.outText()).matches("(\\$SYS/broker/bytes/(received|sent) \\d+\n){2}");
    }

    @Test
    void withoutAClientCertificateBothFail() {
        String[] args = {"sub", "-h", "localhost", "-p", port, "--cafile", pki.caCert().toString(), "-t", "x"};
        MosquittoTool theirs = MosquittoTool.run("sub", null, List.of(args).subList(1, args.length)
                .toArray(String[]::new));
        CliRun ours = new CliRun();
        int exit = ours.execute(args);
        assertThat(theirs.exitCode()).isNotZero();
        assertThat(exit).isNotZero();
        assertThat(ours.err()).contains("Error: ");
    }
}
