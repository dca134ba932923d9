package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.profiles.ConfigDirectories;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skeeter's own parts of pub and sub against our broker: WebSockets, recording and replay, {@code --json},
 * default-options files (the guide's commands run as written), {@code --profile}.
 */
class PubSubFeaturesTest {
    private static Broker broker;
    private static int tcpPort;
    private static int wsPort;

    @TempDir
    Path dir;
    private String previousConfigDir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Broker.create(BrokerConfig.builder().listener(ListenerConfig.mqtt(0, "127.0.0.1"))
                .listener(ListenerConfig.websockets(0, "127.0.0.1")).build());
        List<InetSocketAddress> bound = broker.start().get(10, TimeUnit.SECONDS);
        tcpPort = bound.get(0).getPort();
        wsPort = bound.get(1).getPort();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.stop().get(10, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void ownConfigDir() {
        previousConfigDir = System.getProperty(ConfigDirectories.OVERRIDE_PROPERTY);
        System.setProperty(ConfigDirectories.OVERRIDE_PROPERTY, dir.resolve("config").toString());
    }

    @AfterEach
    void restoreConfigDir() {
        if (previousConfigDir == null) {
            System.clearProperty(ConfigDirectories.OVERRIDE_PROPERTY);
        } else {
            System.setProperty(ConfigDirectories.OVERRIDE_PROPERTY, previousConfigDir);
        }
    }

    @Test
    void webSocketSubscriberPrintsWhatMosquittoSubPrintsOverTcp() throws Exception {
        String topic = "ws-" + System.nanoTime();
        pub("-p", String.valueOf(tcpPort), "-t", topic + "/kept", "-m", "retained over tcp", "-r");
        CliRun ours = new CliRun();
        CompletableFuture<Integer> exit = ours.start("sub", "-L", "ws://127.0.0.1:" + wsPort + "/" + topic + "/#",
                "--ws-path", "/mqtt", "-v", "-C", "3");
        try (MosquittoTool theirs = MosquittoTool.start("sub", null, "-p", String.valueOf(tcpPort), "-t",
                topic + "/#", "-v", "-C", "3")) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ours.out().length > 0
                    && theirs.out().length > 0);
            pub("-L", "ws://127.0.0.1:" + wsPort + "/" + topic + "/a", "-m", "published over websockets");
            pub("-p", String.valueOf(tcpPort), "-t", topic + "/b", "-m", "published over tcp", "-q", "1");
            assertThat(exit.get(20, TimeUnit.SECONDS)).as(ours.err()).isZero();
            assertThat(ours.out()).isEqualTo(theirs.await().out());
            assertThat(ours.outText()).contains(topic + "/a published over websockets\n");
        }
    }

    @Test
    void aRecordingReplaysToTheSameOutput() throws Exception {
        String topic = "rec-" + System.nanoTime();
        Path recording = dir.resolve("recording.jsonl");
        // a retained message first: a subscriber shows it as soon as it is subscribed
        pub("-p", String.valueOf(tcpPort), "-t", topic + "/a", "-m", "first", "-r");
        String sub = "sub -p " + tcpPort + " -t " + topic + "/# -v -C ";
        CliRun recorder = new CliRun();
        CompletableFuture<Integer> recorded = recorder.start((sub + "3 --record " + recording).split(" "));
        awaitOutput(recorder);
        pub("-p", String.valueOf(tcpPort), "-t", topic + "/text", "-m", "hello");
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {0, (byte) 0xff, 10});
        pub("-p", String.valueOf(tcpPort), "-t", topic + "/bin", "-f", binary.toString(), "-q", "1");
        assertThat(recorded.get(20, TimeUnit.SECONDS)).as(recorder.err()).isZero();
        assertThat(Files.readAllLines(recording)).hasSize(3).anySatisfy(l -> assertThat(l).contains("base64"));

        CliRun replayed = new CliRun();
        CompletableFuture<Integer> again = replayed.start((sub + "4").split(" "));
        awaitOutput(replayed);
        CliRun replay = new CliRun();
        assertThat(replay.execute("pub", "-p", String.valueOf(tcpPort), "--replay", recording.toString(), "--speed",
                "50")).as(replay.err()).isZero();
        assertThat(again.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(replayed.outText()).isEqualTo(topic + "/a first\n" + recorder.outText());
    }

    private static void awaitOutput(CliRun subscriber) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> subscriber.out().length > 0);
    }

    @Test
    void jsonPrintsOneObjectAMessage() throws Exception {
        String topic = "json-" + System.nanoTime();
        pub("-p", String.valueOf(tcpPort), "-t", topic, "-m", "{\"t\": 21.5}", "-r", "-q", "1");
        CliRun run = new CliRun();
        assertThat(run.execute("sub", "-p", String.valueOf(tcpPort), "-t", topic, "-q", "1", "-C", "1", "--json"))
                .isZero();
        JsonNode line = new ObjectMapper().readTree(run.outText());
        assertThat(line.get("topic").asText()).isEqualTo(topic);
        assertThat(line.get("qos").asInt()).isEqualTo(1);
        assertThat(line.get("retain").asBoolean()).isTrue();
        assertThat(line.get("payload").asText()).isEqualTo("{\"t\": 21.5}");
        assertThat(line.get("time").asText()).endsWith("Z");
        assertThat(run.outText()).endsWith("}\n").hasLineCount(1);
    }

    @Test
    void theGuidesCommandsRunAsWrittenWithDefaultOptions() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("sub"), "# the guide's broker runs on the default port; ours does not\n"
                + "-p " + tcpPort + "\n-C 1\n");
        Files.writeString(config.resolve("pub"), "-p " + tcpPort + "\n");
        CliRun subscriber = new CliRun();
        CompletableFuture<Integer> exit = subscriber.start("sub", "-h", "localhost", "-t", "test", "-v");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            CliRun publisher = new CliRun();
            assertThat(publisher.execute("pub", "-h", "localhost", "-t", "test", "-m", "Hello world"))
                    .as(publisher.err()).isZero();
            return exit.isDone();
        });
        assertThat(exit.get()).isZero();
        assertThat(subscriber.outText()).isEqualTo("test Hello world\n");
    }

    @Test
    void aSavedProfileSuppliesTheBroker() throws Exception {
        ProfileStore store = ProfileStore.open(ConfigDirectories.profilesFile());
        store.save(Profile.create("Test broker", "127.0.0.1", tcpPort));
        String topic = "profile-" + System.nanoTime();
        pub("--profile", "test broker", "-t", topic, "-m", "via profile", "-r");
        CliRun run = new CliRun();
        assertThat(run.execute("sub", "--profile", "Test broker", "-t", topic, "-C", "1")).as(run.err()).isZero();
        assertThat(run.outText()).isEqualTo("via profile\n");

        CliRun unknown = new CliRun();
        assertThat(unknown.execute("sub", "--profile", "nope", "-t", topic)).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Error: No profile named 'nope'").contains("'Test broker'");
    }

    private static void pub(String... args) {
        CliRun run = new CliRun();
        String[] all = new String[args.length + 1];
        all[0] = "pub";
        System.arraycopy(args, 0, all, 1, args.length);
        assertThat(run.execute(all)).as(run.err()).isZero();
    }
}
