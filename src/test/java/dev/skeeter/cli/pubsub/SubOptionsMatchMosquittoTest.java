package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mosquitto_sub's filtering and session flags ({@code -T -R -E -U --retained-only --remove-retained}), the will
 * flags, and Ctrl-C, side by side: each scenario runs once with Debian's tool and once with ours against the same
 * broker, on topics of their own, and both must print and exit alike. Where a real process matters (a signal, an
 * abrupt end), ours runs in a JVM of its own.
 */
class SubOptionsMatchMosquittoTest {
    private static Broker broker;
    private static String port;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.create(BrokerConfig.builder().listener(0, "127.0.0.1").build());
        port = String.valueOf(broker.start().get(10, TimeUnit.SECONDS).get(0).getPort());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop().get(10, TimeUnit.SECONDS);
        }
    }

    /** What one tool printed and how it exited. */
    private record Outcome(int exit, String out, String err) {
    }

    /** A scenario, given a topic prefix of its own and a way to run the tool under test. */
    private interface Scenario {
        Outcome run(String prefix, Tool sub) throws Exception;
    }

    /** Runs {@code sub} with arguments to the end: Debian's mosquitto_sub, or ours in-process. */
    private interface Tool {
        Outcome run(String... args) throws Exception;
    }

    private static Outcome theirs(String... args) {
        MosquittoTool t = MosquittoTool.run("sub", null, withPort(args));
        return new Outcome(t.exitCode(), latin1(t.out()), t.err());
    }

    private static Outcome ours(String... args) {
        CliRun run = new CliRun();
        List<String> all = new ArrayList<>(List.of("sub"));
        all.addAll(List.of(withPort(args)));
        int exit = run.execute(all.toArray(String[]::new));
        return new Outcome(exit, latin1(run.out()), run.err());
    }

    private static void assertSame(Scenario scenario, String name) throws Exception {
        Outcome mosquitto = scenario.run("m-" + name + "-" + System.nanoTime(), SubOptionsMatchMosquittoTest::theirs);
        Outcome skeeter = scenario.run("s-" + name + "-" + System.nanoTime(), SubOptionsMatchMosquittoTest::ours);
        // the prefixes differ by design: compare with each tool's own prefix blanked out
        assertThat(blank(skeeter)).as(name).isEqualTo(blank(mosquitto));
    }

    private static Outcome blank(Outcome o) {
        return new Outcome(o.exit(), o.out().replaceAll("[ms]-[a-z-]+-\\d+", "P"),
                o.err().replaceAll("[ms]-[a-z-]+-\\d+", "P"));
    }

    @Test
    void filterOutDropsMatchingTopics() throws Exception {
        assertSame((p, sub) -> {
            pub("-t", p + "/skip/x", "-m", "hidden", "-r");
            pub("-t", p + "/a", "-m", "shown", "-r");
            pub("-t", p + "/skip", "-m", "hidden too", "-r");
            pub("-t", p + "/b", "-m", "shown too", "-r");
            return sub.run("-t", p + "/#", "-T", p + "/skip/#", "-v", "-C", "2");
        }, "filter-out");
    }

    @Test
    void noRetainSkipsRetainedMessagesAndRetainedOnlyStopsAtTheFirstLiveOne() throws Exception {
        assertSame((p, sub) -> {
            pub("-t", p + "/kept", "-m", "retained", "-r");
            try (LiveTraffic live = new LiveTraffic(p + "/live", "now")) {
                return sub.run("-t", p + "/#", "-R", "-v", "-C", "1");
            }
        }, "no-retain");
        assertSame((p, sub) -> {
            pub("-t", p + "/one", "-m", "1", "-r");
            pub("-t", p + "/two", "-m", "2", "-r");
            try (LiveTraffic live = new LiveTraffic(p + "/live", "stop")) {
                return sub.run("-t", p + "/#", "--retained-only", "-v");
            }
        }, "retained-only");
    }

    @Test
    void removeRetainedClearsWhatItPrints() throws Exception {
        assertSame((p, sub) -> {
            pub("-t", p + "/a", "-m", "old a", "-r");
            pub("-t", p + "/b", "-m", "old b", "-r", "-q", "1");
            // -W, not -C: mosquitto_sub 2.0.11 never disconnects after -C once it has published a removal
            Outcome removing = sub.run("-t", p + "/#", "--remove-retained", "-v", "-W", "3");
            // a later subscriber sees no retained message, only the live one that ends it
            Outcome after;
            try (LiveTraffic live = new LiveTraffic(p + "/end", "live")) {
                after = theirs("-t", p + "/#", "--retained-only", "-v");
            }
            return new Outcome(removing.exit(), removing.out() + "|after: " + after.out(), removing.err());
        }, "remove-retained");
    }

    @Test
    void exitAfterSubscribeAndUnsubscribeWorkOnAPersistentSession() throws Exception {
        assertSame((p, sub) -> {
            String id = p.substring(0, 2) + Long.toHexString(System.nanoTime());
            Outcome subscribed = sub.run("-c", "-i", id, "-q", "1", "-t", p + "/u", "-E");
            Outcome unsubscribed = sub.run("-c", "-i", id, "-q", "1", "-t", p + "/keep", "-U", p + "/u", "-E");
            pub("-t", p + "/u", "-m", "gone", "-q", "1");
            pub("-t", p + "/keep", "-m", "kept", "-q", "1");
            Outcome queued = sub.run("-c", "-i", id, "-q", "1", "-t", p + "/keep", "-v", "-C", "1");
            return new Outcome(subscribed.exit() * 100 + unsubscribed.exit(),
                    subscribed.out() + unsubscribed.out() + queued.out(), subscribed.err() + queued.err());
        }, "exit-after-subscribe-unsubscribe");
    }

    @Test
    void theWillIsPublishedAfterAnAbruptEndAndNotAfterCtrlC() throws Exception {
        for (String tool : List.of("mosquitto", "skeeter")) {
            String p = tool + "-will-" + System.nanoTime();
            String[] args = withPort("-t", p + "/in", "-v", "--will-topic", p + "/will", "--will-payload", "gone",
                    "--will-qos", "1", "--will-retain");
            // an abrupt end (SIGKILL): the broker publishes the will, retained
            MosquittoTool killed = start(tool, args);
            awaitSubscribed(killed, p + "/in");
            killed.close();
            assertThat(killed.await().exitCode()).isEqualTo(137);
            Outcome will = theirs("-t", p + "/will", "-F", "%t %r %q %p", "-C", "1");
            assertThat(will.out()).as(tool + ": retained, at the subscription's QoS 0")
                    .isEqualTo(p + "/will 1 0 gone\n");
            pub("-t", p + "/will", "-r", "-n");

            // Ctrl-C: a clean DISCONNECT, so no will; the exit status is 0
            MosquittoTool interrupted = start(tool, args);
            awaitSubscribed(interrupted, p + "/in");
            interrupted.signal("INT");
            assertThat(interrupted.await().exitCode()).as(tool + ": " + interrupted.err()).isZero();
            assertThat(interrupted.err()).as(tool).isEmpty();
            Outcome noWill;
            try (LiveTraffic live = new LiveTraffic(p + "/will/end", "end")) {
                noWill = theirs("-t", p + "/will/#", "--retained-only", "-v");
            }
            assertThat(noWill.out()).as(tool + ": no will after Ctrl-C").isEmpty();
        }
    }

    @Test
    void ctrlCOnPubEndsItAsMosquittoPubEnds() throws Exception {
        List<Integer> exits = new ArrayList<>();
        for (String tool : List.of("mosquitto", "skeeter")) {
            String p = tool + "-int-" + System.nanoTime();
            MosquittoTool watcher = MosquittoTool.start("sub", null, withPort("-t", p, "-C", "1"));
            try {
                String[] args = withPort("-t", p, "-m", "tick", "--repeat", "1000", "--repeat-delay", "0.5");
                MosquittoTool pub = tool.equals("mosquitto") ? MosquittoTool.start("pub", null, args)
                        : MosquittoTool.skeeter(dir.resolve("config"), "pub", null, args);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> watcher.out().length > 0);
                pub.signal("INT");
                exits.add(pub.await().exitCode());
            } finally {
                watcher.close();
            }
        }
        // mosquitto_pub has no handler: SIGINT ends it, which a shell reports as 130; the JVM exits with 130 too
        assertThat(exits).containsExactly(130, 130);
    }

    private MosquittoTool start(String tool, String... args) {
        return tool.equals("mosquitto") ? MosquittoTool.start("sub", null, args)
                : MosquittoTool.skeeter(dir.resolve("config"), "sub", null, args);
    }

    /** Publishes retained to {@code topic} until the subscriber prints it: then it is connected and subscribed. */
    private static void awaitSubscribed(MosquittoTool sub, String topic) {
        pub("-t", topic, "-m", "ready", "-r");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> latin1(sub.out()).contains("ready"));
        pub("-t", topic, "-r", "-n");
    }

    /**
     * Publishes a live (not retained) message every 300 ms until closed, for subscribers that stop at the first
     * live message: however long they take to subscribe, one arrives.
     */
    private static final class LiveTraffic implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        LiveTraffic(String topic, String message) {
            timer.scheduleWithFixedDelay(() -> pub("-t", topic, "-m", message), 300, 300, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private static String[] withPort(String... args) {
        List<String> all = new ArrayList<>(List.of("-p", port));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private static void pub(String... args) {
        MosquittoTool done = MosquittoTool.run("pub", null, withPort(args));
        assertThat(done.exitCode()).as(done.err()).isZero();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
