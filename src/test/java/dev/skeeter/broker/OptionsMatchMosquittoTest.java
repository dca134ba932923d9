package dev.skeeter.broker;

import static dev.skeeter.broker.RawClient.bytes;
import static dev.skeeter.broker.RawClient.packet;
import static dev.skeeter.broker.RawClient.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.MosquittoBroker;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mosquitto.conf options that change what clients see, each run with the same config lines in mosquitto 2 (Debian's,
 * on loopback) and in this broker (through its config file parser), with raw packets; both must give the same
 * result, and the expected one.
 */
class OptionsMatchMosquittoTest {
    @TempDir
    Path dir;

    /** What a scenario saw on a broker at {@code port}. */
    private interface Scenario {
        Object run(int port) throws IOException;
    }

    private void bothBrokers(List<String> lines, Object expected, Scenario scenario) throws Exception {
        Object reference;
        try (MosquittoBroker mosquitto = MosquittoBroker.start(lines.toArray(String[]::new))) {
            reference = scenario.run(mosquitto.port());
        }
        Object ours;
        try (BrokerFixture skeeter = skeeter(lines)) {
            ours = scenario.run(skeeter.port);
        }
        assertThat(ours).as("this broker vs mosquitto").isEqualTo(reference);
        assertThat(ours).as("expected").isEqualTo(expected);
    }

    private BrokerFixture skeeter(List<String> lines) throws IOException {
        Path file = Files.write(dir.resolve("broker-" + System.nanoTime() + ".conf"), lines);
        return new BrokerFixture(BrokerConfigFile.parse(file, BrokerConfig.builder()));
    }

    // ---- client ids ----

    @Test
    void anEmptyClientIdIsGivenOneByDefault() throws Exception {
        bothBrokers(List.of(), 0, port -> connackCode(port, connect(4, "", true, 60)));
    }

    @Test
    void allowZeroLengthClientIdFalseRefusesAnEmptyClientIdWith0x02() throws Exception {
        bothBrokers(List.of("allow_zero_length_clientid false"), 2,
                port -> connackCode(port, connect(4, "", true, 60)));
    }

    @Test
    void anMqtt31ClientWithAnEmptyClientIdIsRefusedWith0x02() throws Exception {
        bothBrokers(List.of(), 2, port -> connackCode(port, connect(3, "", true, 60)));
    }

    @Test
    void autoIdPrefixStartsTheIdsTheBrokerGivesOut() throws Exception {
        try (BrokerFixture skeeter = skeeter(List.of("auto_id_prefix dev-"));
             RawClient client = new RawClient(skeeter.port)) {
            assertThat(connackCode(client, connect(4, "", true, 60))).isZero();
            assertThat(skeeter.broker.clients()).singleElement()
                    .satisfies(c -> assertThat(c.clientId()).matches("dev-[0-9A-F]{8}-[0-9A-F-]{27}"));
        }
        try (MosquittoBroker mosquitto = MosquittoBroker.start("auto_id_prefix dev-");
             RawClient client = new RawClient(mosquitto.port())) {
            assertThat(connackCode(client, connect(4, "", true, 60))).isZero();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> mosquitto.log().matches("(?s).*as dev-[0-9A-F]{8}-[0-9A-F-]{27}.*"));
        }
    }

    // ---- retain_available ----

    @Test
    void retainAvailableFalseClosesAConnectionThatPublishesARetainedMessage() throws Exception {
        bothBrokers(List.of("retain_available false"), "closed", port -> {
            try (RawClient client = new RawClient(port)) {
                assertThat(client.connect("retainer")).isZero();
                client.send(RawClient.publish(0x31, str("r/t"), 0, 0, "x"));
                return openOrClosed(client);
            }
        });
    }

    @Test
    void retainAvailableFalseClosesAConnectWhoseWillIsRetained() throws Exception {
        byte[] willRetained = packet(0x10, str("MQTT"), bytes(4, 0x26, 0, 60), str("w"), str("will/t"), str("m"));
        bothBrokers(List.of("retain_available false"), "closed", port -> {
            try (RawClient client = new RawClient(port)) {
                client.send(willRetained);
                return openOrClosed(client);
            }
        });
    }

    @Test
    void retainAvailableFalseStillAcceptsOrdinaryPublishes() throws Exception {
        bothBrokers(List.of("retain_available false"), "open", port -> {
            try (RawClient client = new RawClient(port)) {
                assertThat(client.connect("plain")).isZero();
                client.send(RawClient.publish("r/t", 0, 0, "x"));
                return openOrClosed(client);
            }
        });
    }

    // ---- upgrade_outgoing_qos ----

    @Test
    void upgradeOutgoingQosDeliversAtTheSubscriptionsQos() throws Exception {
        bothBrokers(List.of("upgrade_outgoing_qos true"), 2, port -> deliveredQos(port));
    }

    @Test
    void withoutUpgradeOutgoingQosTheLowerQosIsUsed() throws Exception {
        bothBrokers(List.of(), 0, port -> deliveredQos(port));
    }

    /** Subscribes at QoS 2, publishes at QoS 0 to itself; the QoS of the delivery. */
    private static int deliveredQos(int port) throws IOException {
        try (RawClient client = new RawClient(port)) {
            assertThat(client.connect("upgrader")).isZero();
            client.send(RawClient.subscribe(1, "up/t", 2));
            client.readType(9);
            client.send(RawClient.publish("up/t", 0, 0, "x"));
            return (client.readType(3).header() >> 1) & 3;
        }
    }

    // ---- offline queueing: queue_qos0_messages, max_queued_bytes ----

    @Test
    void qos0MessagesAreNotQueuedForOfflineClientsByDefault() throws Exception {
        bothBrokers(List.of(), List.of("marker"), port -> queuedForOfflineClient(port, 1, 0, "q0"));
    }

    @Test
    void queueQos0MessagesKeepsThemForOfflinePersistentSessions() throws Exception {
        bothBrokers(List.of("queue_qos0_messages true"), List.of("q0", "marker"),
                port -> queuedForOfflineClient(port, 1, 0, "q0"));
    }

    @Test
    void maxQueuedBytesBoundsWhatIsQueuedBehindTheInflightWindow() throws Exception {
        // The subscriber holds its one in-flight message unacknowledged while five arrive: 4-byte payloads, so two
        // fit in 10 queued bytes. The end is a quiet second after the last message: what is asserted is an
        // absence, which no event announces.
        bothBrokers(List.of("max_queued_bytes 10", "max_inflight_messages 1"), List.of("aaaa", "bbbb", "cccc"),
                port -> {
                    try (RawClient subscriber = new RawClient(port);
                         RawClient publisher = new RawClient(port)) {
                        assertThat(subscriber.connect("slow-reader")).isZero();
                        subscriber.send(RawClient.subscribe(1, "bytes/t", 1));
                        subscriber.readType(9);
                        assertThat(publisher.connect("fast-writer")).isZero();
                        for (String payload : List.of("aaaa", "bbbb", "cccc", "dddd", "eeee")) {
                            publisher.send(RawClient.publish("bytes/t", 1, 1, payload));
                            publisher.readType(4);
                        }
                        List<String> received = new ArrayList<>();
                        for (RawClient.Packet p; (p = subscriber.readOrNullWhenQuiet(Duration.ofSeconds(1))) != null;) {
                            received.add(payload(p));
                            subscriber.send(RawClient.ack(4, packetId(p)));
                        }
                        return received;
                    }
                });
    }

    /** Offline, mosquitto fills the in-flight window first and bounds only the rest; see docs/broker.md. */
    @Test
    void maxQueuedBytesAlsoBoundsWhatIsQueuedForAnOfflineClient() throws Exception {
        try (BrokerFixture skeeter = skeeter(List.of("max_queued_bytes 10"))) {
            assertThat(queuedForOfflineClient(skeeter.port, 1, 1, "aaaa", "bbbb", "cccc"))
                    .containsExactly("aaaa", "bbbb", "marker");
        }
    }

    /**
     * A persistent client subscribes at {@code subQos} and goes away; another publishes {@code payloads} at
     * {@code pubQos}; the first comes back and publishes "marker" to itself at QoS 1. The payloads it receives, in
     * order, up to the marker.
     */
    private static List<String> queuedForOfflineClient(int port, int subQos, int pubQos, String... payloads)
            throws IOException {
        String id = "offline-" + System.nanoTime();
        try (RawClient away = new RawClient(port)) {
            away.send(connect(4, id, false, 60));
            away.readType(2);
            away.send(RawClient.subscribe(1, "off/t", subQos));
            away.readType(9);
            away.send(bytes(0xE0, 0));
            assertThat(away.closedWithin(Duration.ofSeconds(10))).as("the broker took the DISCONNECT").isTrue();
        }
        try (RawClient publisher = new RawClient(port)) {
            assertThat(publisher.connect("publisher-" + id)).isZero();
            for (int i = 0; i < payloads.length; i++) {
                publisher.send(RawClient.publish("off/t", pubQos, i + 1, payloads[i]));
                if (pubQos == 1) {
                    publisher.readType(4);
                }
            }
            publisher.send(bytes(0xC0, 0));
            publisher.readType(13); // packets are handled in order: the publishes were routed before this answer
        }
        List<String> received = new ArrayList<>();
        try (RawClient back = new RawClient(port)) {
            back.send(connect(4, id, false, 60));
            back.readType(2);
            back.send(RawClient.publish("off/t", 1, 99, "marker"));
            while (!received.contains("marker")) {
                RawClient.Packet p = back.read();
                if (p.type() == 3) {
                    received.add(payload(p));
                    if (((p.header() >> 1) & 3) == 1) {
                        back.send(RawClient.ack(4, packetId(p)));
                    }
                }
            }
            back.send(bytes(0xE0, 0));
        }
        try (RawClient cleanUp = new RawClient(port)) {
            cleanUp.send(connect(4, id, true, 60));
            cleanUp.readType(2);
        }
        return received;
    }

    // ---- helpers ----

    private static int connackCode(int port, byte[] connect) throws IOException {
        try (RawClient client = new RawClient(port)) {
            return connackCode(client, connect);
        }
    }

    private static int connackCode(RawClient client, byte[] connect) throws IOException {
        client.send(connect);
        RawClient.Packet connack = client.read();
        assertThat(connack.type()).isEqualTo(2);
        return connack.body()[1];
    }

    /** "open" when a PINGREQ is answered, "closed" when the broker closes the connection first. */
    private static String openOrClosed(RawClient client) throws IOException {
        try {
            client.send(bytes(0xC0, 0));
            client.readType(13);
            return "open";
        } catch (EOFException | SocketException e) {
            return "closed";
        }
    }

    static byte[] connect(int level, String clientId, boolean clean, int keepAlive) {
        return packet(0x10, level == 3 ? str("MQIsdp") : str("MQTT"),
                bytes(level, clean ? 0x02 : 0x00, keepAlive >> 8, keepAlive & 0xFF), str(clientId));
    }

    private static String payload(RawClient.Packet p) {
        int topicLength = (p.body()[0] & 0xFF) << 8 | (p.body()[1] & 0xFF);
        int start = 2 + topicLength + (((p.header() >> 1) & 3) > 0 ? 2 : 0);
        return new String(p.body(), start, p.body().length - start, StandardCharsets.UTF_8);
    }

    private static int packetId(RawClient.Packet p) {
        int topicLength = (p.body()[0] & 0xFF) << 8 | (p.body()[1] & 0xFF);
        return (p.body()[2 + topicLength] & 0xFF) << 8 | (p.body()[3 + topicLength] & 0xFF);
    }
}
