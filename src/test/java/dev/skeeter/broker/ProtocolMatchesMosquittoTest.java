package dev.skeeter.broker;

import static dev.skeeter.broker.RawClient.bytes;
import static dev.skeeter.broker.RawClient.packet;
import static dev.skeeter.broker.RawClient.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.MosquittoBroker;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Raw packets sent to mosquitto 2 (Debian's, on loopback) and to this broker, which must end the same way: the
 * connection closed, or still open (proved by a PINGREQ answered) with the same packets received on the way. Each
 * case also asserts the expected outcome, so a change in either broker shows.
 */
class ProtocolMatchesMosquittoTest {
    private static final int PINGRESP = 13;
    private static final AtomicInteger IDS = new AtomicInteger();
    private static MosquittoBroker mosquitto;
    private static BrokerFixture skeeter;

    @BeforeAll
    static void start() throws IOException {
        mosquitto = MosquittoBroker.start();
        skeeter = new BrokerFixture();
    }

    @AfterAll
    static void stop() {
        if (skeeter != null) {
            skeeter.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    /** One scenario, run against a broker on {@code port}; returns what the client saw. */
    private interface Scenario {
        String run(int port) throws IOException;
    }

    private static void bothBrokers(String expected, Scenario scenario) throws IOException {
        String reference = scenario.run(mosquitto.port());
        String ours = scenario.run(skeeter.port);
        assertThat(ours).as("this broker vs mosquitto").isEqualTo(reference);
        assertThat(ours).as("expected outcome").isEqualTo(expected);
    }

    // ---- a remaining length that ends before the packet's fields do ----

    @Test
    void connectWhoseFieldsOutrunItsRemainingLengthIsMalformed() throws IOException {
        // Protocol name length 0 and nothing more: the next packet's bytes must not be read as its level and flags.
        bothBrokers("closed []", port -> firstPacket(port, concat(bytes(0x10, 0x02, 0x00, 0x00),
                RawClient.connect("next", true, 60))));
    }

    @Test
    void connectWithACutOffWillMessageIsMalformed() throws IOException {
        byte[] body = concat(str("MQTT"), bytes(4, 0x06, 0, 60), str("w"), str("will/t"), bytes(0, 5), bytes('a'));
        bothBrokers("closed []", port -> firstPacket(port, packet(0x10, body)));
    }

    @Test
    void connectWithoutAClientIdFieldIsMalformed() throws IOException {
        bothBrokers("closed []", port -> firstPacket(port, packet(0x10, str("MQTT"), bytes(4, 0x02, 0, 60))));
    }

    @Test
    void publishWhoseTopicOutrunsItsRemainingLengthIsMalformed() throws IOException {
        bothBrokers("closed []", port -> afterConnect(port, bytes(0x30, 0x01, 0x00)));
    }

    @Test
    void qos1PublishWithoutItsPacketIdIsMalformed() throws IOException {
        bothBrokers("closed []", port -> afterConnect(port, packet(0x32, str("a"), bytes(0))));
    }

    @Test
    void subscribeWhoseFilterIsCutOffIsMalformed() throws IOException {
        bothBrokers("closed []", port -> afterConnect(port, bytes(0x82, 0x03, 0x00, 0x01, 0x00)));
    }

    @Test
    void subscribeWithAHalfSecondFilterIsMalformed() throws IOException {
        bothBrokers("closed []", port -> afterConnect(port, packet(0x82, bytes(0, 1), str("a"), bytes(0), bytes(5))));
    }

    @Test
    void unsubscribeWhoseFilterIsCutOffIsMalformed() throws IOException {
        bothBrokers("closed []", port -> afterConnect(port, bytes(0xA2, 0x04, 0x00, 0x01, 0x00, 0x05)));
    }

    // ---- acknowledgements of the wrong kind ----

    @Test
    void pubrecForAQos1MessageClosesTheConnection() throws IOException {
        bothBrokers("closed []", port -> answerDelivery(port, 1, 5, 0));
    }

    @Test
    void pubcompForAQos1MessageClosesTheConnection() throws IOException {
        bothBrokers("closed []", port -> answerDelivery(port, 1, 7, 0));
    }

    @Test
    void pubackForAQos2MessageClosesTheConnection() throws IOException {
        bothBrokers("closed []", port -> answerDelivery(port, 2, 4, 0));
    }

    @Test
    void pubcompBeforePubrecClosesTheConnection() throws IOException {
        bothBrokers("closed []", port -> answerDelivery(port, 2, 7, 0));
    }

    @Test
    void pubackForAnUnknownPacketIdIsIgnored() throws IOException {
        bothBrokers("open []", port -> answerDelivery(port, 1, 4, 100));
    }

    @Test
    void pubrecForAnUnknownPacketIdIsAnsweredWithPubrel() throws IOException {
        bothBrokers("open [6]", port -> answerDelivery(port, 2, 5, 100));
    }

    @Test
    void pubcompForAnUnknownPacketIdIsIgnored() throws IOException {
        bothBrokers("open []", port -> answerDelivery(port, 2, 7, 100));
    }

    // ---- PUBREL's fixed-header flags: MQTT 3.1 has no rule, 3.1.1 fixes them at 0010 ----

    @Test
    void mqtt31PubrelWithDupIsAnsweredWithPubcomp() throws IOException {
        bothBrokers("open [7]", port -> inboundQos2ThenPubrel(port, 3, 0x6A));
    }

    @Test
    void mqtt31PubrelWithoutQosBitsIsAnsweredWithPubcomp() throws IOException {
        bothBrokers("open [7]", port -> inboundQos2ThenPubrel(port, 3, 0x60));
    }

    @Test
    void mqtt311PubrelWithDupClosesTheConnection() throws IOException {
        bothBrokers("closed []", port -> inboundQos2ThenPubrel(port, 4, 0x6A));
    }

    @Test
    void mqtt31ClientResumingAnInboundQos2FlowWithDupPubrelGetsPubcomp() throws IOException {
        bothBrokers("open [7]", port -> {
            String id = "resume-" + IDS.incrementAndGet();
            try (RawClient first = new RawClient(port)) {
                first.send(connect(3, id, false));
                first.readType(2);
                first.send(RawClient.publish("resume/t", 2, 9, "x"));
                first.readType(5); // PUBREC; then the connection drops before PUBREL
            }
            try (RawClient again = new RawClient(port)) {
                again.send(connect(3, id, false));
                again.readType(2);
                again.send(bytes(0x6A, 2, 0, 9));
                return outcome(again);
            } finally {
                cleanUp(port, 3, id);
            }
        });
    }

    // ---- scenario helpers ----

    private static String firstPacket(int port, byte[] bytes) throws IOException {
        try (RawClient client = new RawClient(port)) {
            client.send(bytes);
            return outcome(client);
        }
    }

    private static String afterConnect(int port, byte[] bytes) throws IOException {
        try (RawClient client = new RawClient(port)) {
            assertThat(client.connect("raw-" + IDS.incrementAndGet())).isZero();
            client.send(bytes);
            return outcome(client);
        }
    }

    /**
     * The client subscribes at QoS 2, publishes to itself at {@code qos} so the broker sends it a message, and then
     * answers that message with a packet of {@code ackType} for its packet id plus {@code idOffset}.
     */
    private static String answerDelivery(int port, int qos, int ackType, int idOffset) throws IOException {
        try (RawClient client = new RawClient(port)) {
            String topic = "ack/" + IDS.incrementAndGet();
            assertThat(client.connect("acker-" + topic.substring(4))).isZero();
            client.send(RawClient.subscribe(1, topic, 2));
            client.readType(9);
            client.send(RawClient.publish(topic, qos, 42, "hi"));
            if (qos == 2) {
                client.readType(5);
                client.send(RawClient.ack(6, 42));
            }
            RawClient.Packet delivery = readAll(client, List.of(3, qos == 1 ? 4 : 7));
            int topicLength = (delivery.body()[0] & 0xFF) << 8 | (delivery.body()[1] & 0xFF);
            int packetId = (delivery.body()[2 + topicLength] & 0xFF) << 8 | (delivery.body()[3 + topicLength] & 0xFF);
            client.send(RawClient.ack(ackType, packetId + idOffset));
            return outcome(client);
        }
    }

    /** An inbound QoS 2 PUBLISH from a 3.1 or 3.1.1 client, then its PUBREL with the given first byte. */
    private static String inboundQos2ThenPubrel(int port, int level, int pubrelHeader) throws IOException {
        String id = "pubrel-" + IDS.incrementAndGet();
        try (RawClient client = new RawClient(port)) {
            client.send(connect(level, id, true));
            client.readType(2);
            client.send(RawClient.publish("pubrel/t", 2, 7, "x"));
            client.readType(5);
            client.send(bytes(pubrelHeader, 2, 0, 7));
            return outcome(client);
        }
    }

    /** Reads until a packet of each type has arrived; returns the PUBLISH among them. */
    private static RawClient.Packet readAll(RawClient client, List<Integer> types) throws IOException {
        List<Integer> missing = new ArrayList<>(types);
        RawClient.Packet publish = null;
        while (!missing.isEmpty()) {
            RawClient.Packet p = client.read();
            missing.remove(Integer.valueOf(p.type()));
            if (p.type() == 3) {
                publish = p;
            }
        }
        return publish;
    }

    /**
     * Sends PINGREQ and reads: "open [types]" when PINGRESP arrives (with the packet types before it), "closed
     * [types]" when the broker closes the connection first.
     */
    private static String outcome(RawClient client) throws IOException {
        List<Integer> seen = new ArrayList<>();
        try {
            client.send(bytes(0xC0, 0));
            while (true) {
                RawClient.Packet p = client.read();
                if (p.type() == PINGRESP) {
                    return "open " + seen;
                }
                seen.add(p.type());
            }
        } catch (EOFException | SocketException e) {
            return "closed " + seen;
        }
    }

    private static void cleanUp(int port, int level, String id) throws IOException {
        try (RawClient client = new RawClient(port)) {
            client.send(connect(level, id, true));
            client.readType(2);
        }
    }

    private static byte[] connect(int level, String clientId, boolean clean) {
        byte[] name = level == 3 ? str("MQIsdp") : str("MQTT");
        return packet(0x10, name, bytes(level, clean ? 0x02 : 0x00, 0, 60), str(clientId));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
