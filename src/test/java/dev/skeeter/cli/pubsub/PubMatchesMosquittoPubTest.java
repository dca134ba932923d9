package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code skeeter pub} publishes reaches Debian's mosquitto_sub exactly as what mosquitto_pub publishes with
 * the same flags (message, file, stdin, lines, null, QoS, retain, repeat, URL), against mosquitto 2 and our broker.
 */
class PubMatchesMosquittoPubTest {
    private static final byte[] BINARY = {0x00, (byte) 0xff, '\n', 'x', 0x7f, (byte) 0x80};
    private static final byte[] STDIN_LINES = "first line\nsecond\n\nlast without newline".getBytes(
            StandardCharsets.UTF_8);

    @RegisterExtension
    static final BothBrokers BROKERS = new BothBrokers();

    @TempDir
    Path dir;

    @Test
    void mosquittoSubReceivesTheSameFromBothAgainstMosquitto() throws Exception {
        compare(BROKERS.mosquittoPort());
    }

    @Test
    void mosquittoSubReceivesTheSameFromBothAgainstOurBroker() throws Exception {
        compare(BROKERS.oursPort());
    }

    private void compare(int port) throws Exception {
        String stamp = String.valueOf(System.nanoTime());
        String theirs = received(port, "m" + stamp, (args, stdin) -> {
            MosquittoTool run = MosquittoTool.run("pub", stdin, args);
            assertThat(run.exitCode()).as(run.err()).isZero();
        });
        String ours = received(port, "s" + stamp, (args, stdin) -> {
            CliRun run = new CliRun(stdin == null ? new byte[0] : stdin);
            List<String> all = new ArrayList<>(List.of("pub"));
            all.addAll(List.of(args));
            assertThat(run.execute(all.toArray(String[]::new))).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
        });
        assertThat(ours).isEqualTo(theirs).contains("/lines|1|0|6c617374");
        String retainedTheirs = retained(port, "m" + stamp);
        assertThat(retained(port, "s" + stamp)).isEqualTo(retainedTheirs).isEqualTo("retained|1|1|6b657074\n");
    }

    private interface Publish {
        void run(String[] args, byte[] stdin) throws Exception;
    }

    /** Everything one publisher sends, as mosquitto_sub prints it (topic without the prefix, QoS, retain, hex). */
    private String received(int port, String prefix, Publish publish) throws Exception {
        Path binary = dir.resolve("binary");
        Files.write(binary, BINARY);
        try (MosquittoTool sub = MosquittoTool.start("sub", null, "-p", String.valueOf(port), "-t", prefix + "/#",
                "-q", "2", "-F", "%t|%q|%r|%x")) {
            String p = String.valueOf(port);
            // subscribed once a marker message comes back
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                publish.run(new String[] {"-p", p, "-t", prefix + "/ready", "-m", "ready"}, null);
                return sub.out().length > 0;
            });
            publish.run(new String[] {"-p", p, "-t", prefix + "/text", "-m", "hello world"}, null);
            publish.run(new String[] {"-p", p, "-t", prefix + "/qos1", "-m", "q1", "-q", "1"}, null);
            publish.run(new String[] {"-p", p, "-t", prefix + "/qos2", "-m", "q2", "-q", "2"}, null);
            publish.run(new String[] {"-p", p, "-t", prefix + "/retained", "-m", "kept", "-r", "-q", "1"}, null);
            publish.run(new String[] {"-p", p, "-t", prefix + "/null", "-n"}, null);
            publish.run(new String[] {"-p", p, "-t", prefix + "/file", "-f", binary.toString()}, null);
            publish.run(new String[] {"-p", p, "-t", prefix + "/stdin", "-s"}, BINARY);
            publish.run(new String[] {"-p", p, "-t", prefix + "/lines", "-l", "-q", "1"}, STDIN_LINES);
            publish.run(new String[] {"-p", p, "-t", prefix + "/repeat", "-m", "again", "--repeat", "3",
                "--repeat-delay", "0.01"}, null);
            publish.run(new String[] {"-L", "mqtt://127.0.0.1:" + p + "/" + prefix + "/url", "-m", "by url"}, null);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    new String(sub.out(), StandardCharsets.ISO_8859_1).contains(prefix + "/url|"));
            String out = new String(sub.out(), StandardCharsets.ISO_8859_1);
            // the marker may have been sent more than once while the subscription was being made
            return out.replaceAll("(?m)^" + prefix + "/ready\\|.*\\n", "").replace(prefix + "/", "/");
        }
    }

    private static String retained(int port, String prefix) {
        MosquittoTool sub = MosquittoTool.run("sub", null, "-p", String.valueOf(port), "-t", prefix + "/retained",
                "-C", "1", "-q", "1", "-F", "%t|%q|%r|%x");
        return new String(sub.out(), StandardCharsets.ISO_8859_1).replace(prefix + "/", "");
    }
}
