package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * For the same traffic (retained, text, binary, empty, JSON, UTF-8, multi-line; QoS 0 to 2; several topics),
 * {@code skeeter sub} prints byte for byte what Debian's mosquitto_sub prints with the same flags, against
 * mosquitto 2 and against our broker. Every flag set subscribes at once and one burst of traffic serves them all.
 */
class SubMatchesMosquittoSubTest {
    @RegisterExtension
    static final BothBrokers BROKERS = new BothBrokers();

    @TempDir
    Path dir;

    /** A flag set, and what to blank out of both outputs before comparing (times differ between two clients). */
    private record Case(List<String> flags, UnaryOperator<String> normalise) {
        static Case of(String... flags) {
            return new Case(List.of(flags), s -> s);
        }

        static Case timed(String... flags) {
            return new Case(List.of(flags), s -> s.replaceAll("\"tst\":(\\s*)\"[^\"]*\"", "\"tst\":$1\"T\""));
        }

        static Case allDigits(String... flags) {
            return new Case(List.of(flags), s -> s.replaceAll("[0-9]", "0"));
        }
    }

    private static final List<Case> CASES = List.of(
            Case.of(),
            Case.of("-v"),
            Case.of("-v", "-N"),
            Case.of("-N"),
            Case.of("-F", "%t|%q|%r|%l|%m|%x|%X|%p"),
            Case.of("-F", "%10t|%-10t|%.3t|%12.4t|%05l|%-5l|%3l|%8x|%-8X|%6p|%-p|%%|\\t|@@|\\\\|\\0|%A|%5C|%P"),
            Case.of("-N", "-F", "[%t]\\n"),
            Case.timed("-F", "%j"),
            Case.timed("-F", "%J"),
            Case.timed("-F", "%j", "--pretty"),
            Case.timed("-F", "%J", "--pretty"),
            Case.allDigits("-F", "%I %U @Y-@m-@dT@H:@M:@S.@N @z @s"));

    @Test
    void printsWhatMosquittoSubPrintsAgainstMosquitto() throws Exception {
        compareAll(BROKERS.mosquittoPort(), "m");
    }

    @Test
    void printsWhatMosquittoSubPrintsAgainstOurBroker() throws Exception {
        compareAll(BROKERS.oursPort(), "o");
    }

    private void compareAll(int port, String prefix) throws Exception {
        String p = prefix + "-" + System.nanoTime();
        pub(port, "-t", p + "/r/one", "-m", "retained one", "-r", "-q", "1");
        List<MosquittoTool> theirs = new ArrayList<>();
        List<CliRun> ourRuns = new ArrayList<>();
        List<CompletableFuture<Integer>> ourExits = new ArrayList<>();
        try {
            for (Case c : CASES) {
                List<String> args = new ArrayList<>(List.of("-p", String.valueOf(port), "-t", p + "/r/#", "-t",
                        p + "/t/#", "-q", "1", "-C", "7"));
                args.addAll(c.flags());
                theirs.add(MosquittoTool.start("sub", null, args.toArray(String[]::new)));
                CliRun run = new CliRun();
                ourRuns.add(run);
                List<String> ourArgs = new ArrayList<>(List.of("sub"));
                ourArgs.addAll(args);
                ourExits.add(run.start(ourArgs.toArray(String[]::new)));
            }
            // live traffic only once every subscriber has printed the retained message
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    theirs.stream().allMatch(t -> t.out().length > 0)
                            && ourRuns.stream().allMatch(r -> r.out().length > 0));
            publishTraffic(port, p);
            for (int i = 0; i < CASES.size(); i++) {
                Case c = CASES.get(i);
                MosquittoTool their = theirs.get(i).await();
                int ourExit = ourExits.get(i).get(30, TimeUnit.SECONDS);
                String label = "flags " + c.flags();
                assertThat(ourExit).as(label).isEqualTo(their.exitCode()).isZero();
                assertThat(c.normalise().apply(latin1(ourRuns.get(i).out()))).as(label)
                        .isEqualTo(c.normalise().apply(latin1(their.out())));
                assertThat(ourRuns.get(i).err()).as(label).isEqualTo(their.err());
            }
        } finally {
            theirs.forEach(MosquittoTool::close);
        }
    }

    /** Bytes as chars one to one, so any byte difference shows in the comparison. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private void publishTraffic(int port, String p) throws IOException {
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {0x00, 0x01, 'a', (byte) 0xff, '\n', 0x7f, '"', '\\', (byte) 0xc3});
        Path utf8 = dir.resolve("utf8");
        Files.writeString(utf8, "grüße ✓ 温度", StandardCharsets.UTF_8);
        Path lines = dir.resolve("lines");
        Files.writeString(lines, "line one\nline two\ttab\r\n", StandardCharsets.UTF_8);
        Path json = dir.resolve("json");
        Files.writeString(json, "{\"a\": 1.50, \"b\": [true, null, \"x\\u00e9\\/\\n\"], \"c\": {}, \"d\": [],"
                + " \"e\": -0.000012345, \"f\": 1e21, \"g\": {\"h\": [1, {\"i\": 0.1}]}, \"j\": 123456789012}",
                StandardCharsets.UTF_8);
        pub(port, "-t", p + "/t/text", "-m", "hello world");
        pub(port, "-t", p + "/t/bin", "-f", binary.toString());
        pub(port, "-t", p + "/t/empty", "-n");
        pub(port, "-t", p + "/t/json", "-f", json.toString(), "-q", "1");
        pub(port, "-t", p + "/t/utf8", "-f", utf8.toString(), "-q", "1");
        pub(port, "-t", p + "/t/lines", "-f", lines.toString(), "-q", "2");
    }

    private static void pub(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("-p", String.valueOf(port)));
        all.addAll(List.of(args));
        MosquittoTool done = MosquittoTool.run("pub", null, all.toArray(String[]::new));
        assertThat(done.exitCode()).as(done.err()).isZero();
    }
}
