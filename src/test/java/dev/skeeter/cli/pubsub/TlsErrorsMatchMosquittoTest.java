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
 * What pub and sub print and return when TLS fails (a CA that did not sign the server, a certificate for another
 * host, no client certificate where one is required), compared with mosquitto_pub and mosquitto_sub against
 * mosquitto 2 with openssl-made certificates.
 *
 * <p>mosquitto's tools print one of two texts for the same failure, depending on whether OpenSSL finished the
 * handshake inside {@code mosquitto_connect} ("Unable to connect (...)", exit 1) or later in the network loop (the
 * error's name, exit 8 for TLS, or a lost connection, exit 7, when the server refuses a missing client certificate
 * after the client's side of a TLS 1.3 handshake is done). Ours always prints the second, the one a script usually
 * sees; each mosquitto run must print one of the two.
 */
class TlsErrorsMatchMosquittoTest {
    private static final Outcome TLS_ERROR = new Outcome(8, "Error: A TLS error occurred.\n");
    private static final Outcome TLS_ERROR_AT_CONNECT = new Outcome(1, "Unable to connect (A TLS error occurred.).\n");
    private static final Outcome LOST = new Outcome(7, "Error: The connection was lost.\n");
    private static final Outcome LOST_AS_PROTOCOL_ERROR = new Outcome(1, "Error: Protocol error\n");

    private static MosquittoBroker mosquitto;
    private static TestPki pki;
    private static int serverPort;
    private static int wrongHostPort;
    private static int clientCertPort;

    private record Outcome(int exit, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.shared();
        serverPort = MosquittoBroker.freePort();
        wrongHostPort = MosquittoBroker.freePort();
        clientCertPort = MosquittoBroker.freePort();
        List<String> config = new ArrayList<>(pki.mosquittoTlsListener(serverPort, pki.serverCert()));
        config.addAll(pki.mosquittoTlsListener(wrongHostPort, pki.wrongHostCert()));
        config.addAll(pki.mosquittoTlsListener(clientCertPort, pki.serverCert()));
        config.add("require_certificate true");
        mosquitto = MosquittoBroker.start(config.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void aCaThatDidNotSignTheServer() {
        compare(List.of("-h", "localhost", "-p", String.valueOf(serverPort), "--cafile",
                pki.otherCaCert().toString()), TLS_ERROR, TLS_ERROR_AT_CONNECT);
    }

    @Test
    void aCertificateForAnotherHost() {
        compare(List.of("-h", "localhost", "-p", String.valueOf(wrongHostPort), "--cafile",
                pki.caCert().toString()), TLS_ERROR, TLS_ERROR_AT_CONNECT);
    }

    @Test
    void noClientCertificateWhereOneIsRequired() {
        compare(List.of("-h", "localhost", "-p", String.valueOf(clientCertPort), "--cafile",
                pki.caCert().toString()), LOST, LOST_AS_PROTOCOL_ERROR);
    }

    @Test
    void debugAddsSkeetersExplanationBeforeMosquittosLine() {
        CliRun ours = new CliRun();
        int exit = ours.execute(args("pub", List.of("-h", "localhost", "-p", String.valueOf(wrongHostPort),
                "--cafile", pki.caCert().toString(), "-d")).toArray(String[]::new));
        assertThat(exit).isEqualTo(8);
        assertThat(ours.err()).startsWith("TLS error: wrong host name: the server's certificate is not for localhost")
                .endsWith("\nError: A TLS error occurred.\n");
    }

    private static void compare(List<String> connection, Outcome expected, Outcome alternative) {
        for (String tool : List.of("pub", "sub")) {
            List<String> theirArgs = args(tool, connection);
            MosquittoTool theirs = MosquittoTool.run(tool, null, theirArgs.subList(1, theirArgs.size())
                    .toArray(String[]::new));
            assertThat(new Outcome(theirs.exitCode(), theirs.err())).as("mosquitto_" + tool)
                    .isIn(expected, alternative);
            CliRun ours = new CliRun();
            int exit = ours.execute(theirArgs.toArray(String[]::new));
            assertThat(new Outcome(exit, ours.err())).as("skeeter " + tool).isEqualTo(expected);
        }
    }

    private static List<String> args(String tool, List<String> connection) {
        List<String> all = new ArrayList<>(List.of(tool));
        all.addAll(connection);
        all.addAll(tool.equals("pub") ? List.of("-t", "tls/errors", "-m", "x") : List.of("-t", "tls/errors", "-C",
                "1"));
        return all;
    }
}
