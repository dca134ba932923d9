package dev.skeeter.ui.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.ManualExecutor;
import dev.skeeter.ui.testsupport.PaneFixture;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Broker Status view-model against our broker on loopback; a manual executor stands in for the FX thread. */
class BrokerStatusViewModelTest {
    @TempDir
    Path dir;
    private final ManualExecutor fx = new ManualExecutor();
    private final StatusBoard board = new StatusBoard();
    private PaneFixture fixture;
    private Path saveTarget;

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private BrokerStatusViewModel create(MqttConnection connection, String name, LongSupplier clock) {
        FileChooserService files = new FileChooserService() {
            @Override
            public Optional<Path> open(String title, String... extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(String title, String initialName, String... extensions) {
                return Optional.ofNullable(saveTarget);
            }
        };
        return new BrokerStatusViewModel(connection, () -> name, board, fx, Runnable::run, files, clock,
                Duration.ZERO);
    }

    private void pumpUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            fx.runAll();
            return condition.getAsBoolean();
        });
    }

    /** The messages a rate series accounts for: the sum of rate x interval over its points. */
    private static double integral(TimeSeries s) {
        double total = 0;
        for (int i = 1; i < s.size(); i++) {
            if (!Double.isNaN(s.value(i)) && !Double.isNaN(s.value(i - 1))) {
                total += s.value(i) * (s.time(i) - s.time(i - 1)) / 1000.0;
            }
        }
        return total;
    }

    private static int points(TimeSeries s) {
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            n += Double.isNaN(s.value(i)) ? 0 : 1;
        }
        return n;
    }

    private void publish(MqttConnection publisher, int count) throws Exception {
        // in groups of ten: Paho keeps at most a profile's in-flight window of QoS 1 messages
        for (int i = 0; i < count; i += 10) {
            List<CompletableFuture<Void>> sent = new ArrayList<>();
            for (int j = i; j < Math.min(count, i + 10); j++) {
                sent.add(publisher.publish("traffic/" + (j % 5), ("m" + j).getBytes(StandardCharsets.UTF_8), 1,
                        false));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void ourBrokerIsRecognisedAndChartsAccountForEveryPublishedMessage() throws Exception {
        fixture = PaneFixture.start(BrokerConfig.builder().listener(0, "127.0.0.1")
                .sysInterval(Duration.ofSeconds(1)).build());
        MqttConnection connection = fixture.connect(fixture.profile("status"));
        MqttConnection publisher = fixture.connect(fixture.profile("publisher"));
        BrokerStatusViewModel vm = create(connection, "ours", System::currentTimeMillis);
        vm.open();
        pumpUntil(() -> vm.cardsProperty().get().version().startsWith("skeeter version"));
        assertThat(vm.schemaProperty().get()).isEqualTo(SysSchema.MOSQUITTO.label());
        assertThat(vm.phaseProperty().get()).isEqualTo(BrokerStatusViewModel.Phase.SUBSCRIBED);
        pumpUntil(() -> vm.cardsProperty().get().clients().startsWith("2 / "));

        NodeStatus node = vm.model().node("");
        TimeSeries received = node.series(Metric.PUBLISH_RECEIVED);
        pumpUntil(() -> points(received) >= 1); // a baseline and a first rate: what follows is measured
        double before = integral(received);
        publish(publisher, 300);
        // the broker's counter for PUBLISH received grows by exactly 300; its rates over arrival time add up to it
        pumpUntil(() -> integral(received) - before >= 299.5);
        fx.runAll();
        assertThat(integral(received) - before).isCloseTo(300, within(0.5));
        assertThat(integral(node.series(Metric.PUBLISH_SENT))).isGreaterThanOrEqualTo(0);
        assertThat(vm.cardsProperty().get().uptime()).endsWith("s");
        assertThat(vm.model().topic("$SYS/broker/publish/messages/received").numeric()).isTrue();
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void aReconnectSubscribesAgainWithoutASpike() throws Exception {
        fixture = PaneFixture.start(BrokerConfig.builder().listener(0, "127.0.0.1")
                .sysInterval(Duration.ofSeconds(1)).build());
        MqttConnection connection = fixture.connect(fixture.profile("status"));
        MqttConnection publisher = fixture.connect(fixture.profile("publisher"));
        BrokerStatusViewModel vm = create(connection, "ours", System::currentTimeMillis);
        vm.open();
        TimeSeries[] received = new TimeSeries[1];
        pumpUntil(() -> vm.model().node("") != null
                && points(received[0] = vm.model().node("").series(Metric.PUBLISH_RECEIVED)) >= 1);
        connection.disconnect().get(10, TimeUnit.SECONDS);
        pumpUntil(() -> vm.phaseProperty().get() == BrokerStatusViewModel.Phase.NOT_CONNECTED);
        publish(publisher, 2_000); // traffic while away must not appear as one huge rate
        // reconnect only once the broker's $SYS tree holds all of it: what follows is quiet, so every rate is ~0
        AtomicReference<String> published = new AtomicReference<>("");
        MqttConnection watcher = fixture.connect(fixture.profile("watcher"));
        watcher.addListener(new ConnectionListener() {
            @Override
            public void messageArrived(ReceivedMessage message) {
                published.set(new String(message.payload(), StandardCharsets.UTF_8));
            }
        });
        watcher.subscribe(List.of(new SubscriptionRequest("$SYS/broker/publish/messages/received", 0)));
        await().atMost(Duration.ofSeconds(30)).until(() -> published.get().equals("2000"));
        connection.connect().get(10, TimeUnit.SECONDS);
        int pointsBefore = points(received[0]);
        pumpUntil(() -> vm.phaseProperty().get() == BrokerStatusViewModel.Phase.SUBSCRIBED
                && points(received[0]) >= pointsBefore + 2);
        for (int i = 0; i < received[0].size(); i++) {
            assertThat(received[0].value(i)).satisfiesAnyOf(v -> assertThat(v).isNaN(),
                    v -> assertThat(v).isLessThan(5));
        }
    }

    @Test
    void silenceIsExplainedAfterTwiceTheExpectedInterval() throws Exception {
        fixture = PaneFixture.start(BrokerConfig.builder().listener(0, "127.0.0.1").sysInterval(Duration.ZERO)
                .build());
        MqttConnection connection = fixture.connect(fixture.profile("status"));
        AtomicLong now = new AtomicLong(1_000_000);
        BrokerStatusViewModel vm = create(connection, "silent", now::get);
        vm.open();
        pumpUntil(() -> vm.phaseProperty().get() == BrokerStatusViewModel.Phase.SUBSCRIBED);
        now.addAndGet(19_000);
        vm.tick();
        assertThat(vm.problemProperty().get()).isEmpty();
        now.addAndGet(2_000);
        vm.tick();
        assertThat(vm.problemProperty().get()).contains("nothing arrived in 21 s", "sys_interval 0", "ACL",
                "localhost");
    }

    @Test
    void aRefusedSubscriptionIsExplainedInWords() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread broker = new Thread(() -> refuseEverySubscription(server), "refusing-broker");
            broker.setDaemon(true);
            broker.start();
            try (MqttConnection connection = new MqttConnection(
                    Profile.create("refusing", "127.0.0.1", server.getLocalPort()))) {
                connection.connect().get(10, TimeUnit.SECONDS);
                BrokerStatusViewModel vm = create(connection, "refusing", System::currentTimeMillis);
                vm.open();
                pumpUntil(() -> vm.phaseProperty().get() == BrokerStatusViewModel.Phase.DENIED);
                assertThat(vm.problemProperty().get()).contains("refused", "SUBACK 0x80", "acl_file");
            }
        }
    }

    @Test
    void theTabWaitsForAConnectionAndSaysSo() {
        MqttConnection offline = new MqttConnection(Profile.create("offline", "127.0.0.1", 1));
        BrokerStatusViewModel vm = create(offline, "offline", System::currentTimeMillis);
        assertThat(vm.isOpen()).isFalse();
        vm.open();
        assertThat(vm.phaseProperty().get()).isEqualTo(BrokerStatusViewModel.Phase.NOT_CONNECTED);
        assertThat(vm.problemProperty().get()).contains("Not connected");
        offline.close();
    }

    @Test
    void anotherBrokersLinesAreOverlaidAndEverySeriesExports() throws Exception {
        MqttConnection a = new MqttConnection(Profile.create("a", "127.0.0.1", 1));
        MqttConnection b = new MqttConnection(Profile.create("b", "127.0.0.1", 1));
        BrokerStatusViewModel first = create(a, "first", System::currentTimeMillis);
        BrokerStatusViewModel second = create(b, "second", System::currentTimeMillis);
        SysFixture.Traffic t = SysFixture.START;
        for (int round = 0; round < 3; round++) {
            SysFixture.feed(first.model(), SysFixture.mosquitto(t), false, round * 1_000L);
            SysFixture.feed(second.model(), SysFixture.emqx("emqx@n1", t), false, round * 1_000L);
            t = t.plus(1, 10, 5, 100);
        }
        first.tick();
        second.tick();
        assertThat(board.open()).containsExactly(first, second);
        first.overlays().add(second);
        first.selectedNodeProperty().set("");
        second.selectedNodeProperty().set("emqx@n1");
        assertThat(first.lines(StatusChart.PUBLISH)).extracting(ChartLine::label).containsExactly(
                "PUBLISH received/s", "PUBLISH sent/s", "PUBLISH dropped/s", "second: PUBLISH received/s",
                "second: PUBLISH sent/s", "second: PUBLISH dropped/s");

        saveTarget = dir.resolve("series.csv");
        first.exportCsv();
        fx.runAll();
        List<String> csv = Files.readAllLines(saveTarget);
        assertThat(csv.get(0)).isEqualTo("time,series,value");
        assertThat(csv).contains("1970-01-01T00:00:02Z,PUBLISH received/s,5.000");
        assertThat(first.statusProperty().get()).isEqualTo("Series exported to series.csv");

        saveTarget = dir.resolve("chart.png");
        int[] pixels = new int[4 * 3];
        java.util.Arrays.fill(pixels, 0xff336699);
        first.exportPng("chart.png", 4, 3, pixels);
        fx.runAll();
        assertThat(ImageIO.read(saveTarget.toFile()).getRGB(3, 2)).isEqualTo(0xff336699);

        second.dispose();
        assertThat(first.overlays()).isEmpty();
        a.close();
        b.close();
    }

    /** CONNECT -> CONNACK accepted; every SUBSCRIBE -> SUBACK 0x80 (no broker here refuses $SYS/# itself). */
    private static void refuseEverySubscription(ServerSocket server) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            readPacket(in);
            out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
            out.flush();
            while (true) {
                int type = in.readUnsignedByte() >> 4;
                byte[] body = readBody(in);
                if (type == 8) {
                    out.write(new byte[] {(byte) 0x90, 0x03, body[0], body[1], (byte) 0x80});
                } else if (type == 12) {
                    out.write(new byte[] {(byte) 0xD0, 0x00});
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client closed: done
        }
    }

    private static void readPacket(DataInputStream in) throws IOException {
        in.readUnsignedByte();
        readBody(in);
    }

    private static byte[] readBody(DataInputStream in) throws IOException {
        int remaining = 0;
        for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
            b = in.readUnsignedByte();
            remaining |= (b & 0x7F) << shift;
        }
        byte[] body = new byte[remaining];
        in.readFully(body);
        return body;
    }
}
