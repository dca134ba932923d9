package dev.skeeter.broker;

import static dev.skeeter.broker.RawClient.bin;
import static dev.skeeter.broker.RawClient.bytes;
import static dev.skeeter.broker.RawClient.packet;
import static dev.skeeter.broker.RawClient.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw bytes on a socket, one rule each: the broker must close the connection [MQTT-4.8.0-1] and keep serving
 * other clients.
 */
class MalformedInputTest {
    private static final int MAX_PACKET = 1024;
    private static BrokerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new BrokerFixture(BrokerConfig.builder().maxPacketSize(MAX_PACKET)
                .connectTimeout(Duration.ofMillis(300)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Stream<Arguments> firstPackets() {
        return Stream.of(
                Arguments.of("will QoS 3 [MQTT-3.1.2-14]", RawClient.connectWithFlags(0x1E, 60, str("w3"),
                        str("t"), str("m"))),
                Arguments.of("will QoS without will flag [MQTT-3.1.2-13]", RawClient.connectWithFlags(0x0A, 60,
                        str("wq"))),
                Arguments.of("will retain without will flag [MQTT-3.1.2-15]", RawClient.connectWithFlags(0x22, 60,
                        str("wr"))),
                Arguments.of("password without user name [MQTT-3.1.2-22]", RawClient.connectWithFlags(0x42, 60,
                        str("pw"), str("secret"))),
                Arguments.of("reserved connect flag [MQTT-3.1.2-3]", RawClient.connectWithFlags(0x03, 60,
                        str("rf"))),
                Arguments.of("reserved fixed-header flags on CONNECT [MQTT-2.2.2-2]", withFirstByte(0x11,
                        RawClient.connect("ff", true, 60))),
                Arguments.of("invalid UTF-8 client id [MQTT-1.5.3-1]", RawClient.connectWithFlags(0x02, 60,
                        bin(bytes(0xC3, 0x28)))),
                Arguments.of("overlong UTF-8 NUL in client id [MQTT-1.5.3-1]", RawClient.connectWithFlags(0x02, 60,
                        bin(bytes('a', 0xC0, 0x80)))),
                Arguments.of("U+0000 in client id [MQTT-1.5.3-2]", RawClient.connectWithFlags(0x02, 60,
                        bin(bytes('a', 0, 'b')))),
                Arguments.of("U+0000 in user name [MQTT-1.5.3-2]", RawClient.connectWithFlags(0x82, 60,
                        str("un"), bin(bytes('u', 0)))),
                Arguments.of("wildcard in will topic", RawClient.connectWithFlags(0x06, 60, str("wt"),
                        str("a/#"), str("m"))),
                Arguments.of("first packet not CONNECT [MQTT-3.1.0-1]", packet(0xC0)),
                Arguments.of("first packet PUBLISH [MQTT-3.1.0-1]", RawClient.publish("a", 0, 0, "x")),
                Arguments.of("CONNECT over max_packet_size", RawClient.connect("x".repeat(MAX_PACKET), true, 60)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstPackets")
    void malformedConnectClosesTheConnection(String rule, byte[] bytes) throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            client.send(bytes);
            assertThat(client.closedWithin(Duration.ofSeconds(5))).as(rule).isTrue();
        }
        assertBrokerStillServes();
    }

    static Stream<Arguments> packetsAfterConnect() {
        byte[] id = bytes(0, 1);
        return Stream.of(
                Arguments.of("second CONNECT [MQTT-3.1.0-2]", RawClient.connect("again", true, 60)),
                Arguments.of("empty SUBSCRIBE [MQTT-3.8.3-3]", packet(0x82, id)),
                Arguments.of("empty UNSUBSCRIBE [MQTT-3.10.3-2]", packet(0xA2, id)),
                Arguments.of("SUBSCRIBE with flags 0 [MQTT-3.8.1-1]", packet(0x80, id, str("a"), bytes(0))),
                Arguments.of("UNSUBSCRIBE with flags 0 [MQTT-3.10.1-1]", packet(0xA0, id, str("a"))),
                Arguments.of("PUBREL with flags 0 [MQTT-3.6.1-1]", packet(0x60, id)),
                Arguments.of("PINGREQ with flags [MQTT-2.2.2-2]", packet(0xC1)),
                Arguments.of("DISCONNECT with flags [MQTT-2.2.2-2]", packet(0xE1)),
                Arguments.of("PUBLISH with QoS 3 [MQTT-3.3.1-4]", RawClient.publish(0x36, str("a"), 1, 1, "x")),
                Arguments.of("PUBLISH with DUP at QoS 0 [MQTT-3.3.1-2]", RawClient.publish(0x38, str("a"), 0, 0,
                        "x")),
                Arguments.of("wildcard in topic name [MQTT-3.3.2-2]", RawClient.publish("a/+", 0, 0, "x")),
                Arguments.of("empty topic name [MQTT-4.7.3-1]", RawClient.publish("", 0, 0, "x")),
                Arguments.of("invalid UTF-8 topic [MQTT-1.5.3-1]", RawClient.publish(0x30, bin(bytes('a', 0xFF)),
                        0, 0, "x")),
                Arguments.of("UTF-16 surrogate in topic [MQTT-1.5.3-1]", RawClient.publish(0x30,
                        bin(bytes(0xED, 0xA0, 0x80)), 0, 0, "x")),
                Arguments.of("U+0000 in topic [MQTT-4.7.3-2]", RawClient.publish(0x30, bin(bytes('a', 0)), 0, 0,
                        "x")),
                Arguments.of("malformed filter a/#/b [MQTT-4.7.1-2]", RawClient.subscribe(1, "a/#/b", 0)),
                Arguments.of("malformed filter a+ [MQTT-4.7.1-3]", RawClient.subscribe(1, "a+", 0)),
                Arguments.of("U+0000 in filter", packet(0x82, id, bin(bytes('a', 0)), bytes(0))),
                Arguments.of("invalid UTF-8 filter", packet(0x82, id, bin(bytes(0xC3, 0x28)), bytes(0))),
                Arguments.of("malformed filter in UNSUBSCRIBE", packet(0xA2, id, str("#/a"))),
                Arguments.of("requested QoS 3 [MQTT-3.8.3-4]", RawClient.subscribe(1, "a", 3)),
                Arguments.of("reserved bit 2 in subscription options [MQTT-3.8.3-4]", RawClient.subscribe(1, "a", 4)),
                Arguments.of("reserved bits 4-5 in subscription options [MQTT-3.8.3-4]",
                        RawClient.subscribe(1, "a", 0x31)),
                Arguments.of("reserved bit 7 in subscription options [MQTT-3.8.3-4]",
                        RawClient.subscribe(1, "a", 0x81)),
                Arguments.of("PUBLISH over max_packet_size", RawClient.publish("big", 0, 0, "x".repeat(MAX_PACKET))),
                Arguments.of("remaining length over 4 bytes", bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)),
                Arguments.of("reserved packet type 15", packet(0xF0)),
                Arguments.of("CONNACK from a client", packet(0x20, bytes(0, 0))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packetsAfterConnect")
    void malformedPacketAfterConnectClosesTheConnection(String rule, byte[] bytes) throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            assertThat(client.connect("bad-" + Math.abs(rule.hashCode()))).isZero();
            client.send(bytes);
            assertThat(client.closedWithin(Duration.ofSeconds(5))).as(rule).isTrue();
        }
        assertBrokerStillServes();
    }

    @Test
    void aConnectionThatSendsNoConnectIsClosedAfterTheTimeout() throws Exception {
        try (RawClient idle = new RawClient(fixture.port)) {
            assertThat(idle.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
        assertBrokerStillServes();
    }

    @Test
    void aPacketSplitAcrossManyWritesIsStillAccepted() throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            byte[] connect = RawClient.connect("slow-writer", true, 60);
            for (byte b : connect) {
                client.send(new byte[] {b});
            }
            assertThat(client.read().body()[1]).isZero();
            byte[] twoFilters = packet(0x82, bytes(0, 9), str("a/b"), bytes(1), str("c/#"), bytes(2));
            for (byte b : twoFilters) {
                client.send(new byte[] {b});
            }
            assertThat(client.read().body()).containsExactly(0, 9, 1, 2);
            byte[] twoPings = {(byte) 0xC0, 0, (byte) 0xC0, 0};
            client.send(twoPings);
            assertThat(client.read().type()).isEqualTo(13);
            assertThat(client.read().type()).isEqualTo(13);
        }
    }

    private static byte[] withFirstByte(int first, byte[] packet) {
        packet[0] = (byte) first;
        return packet;
    }

    private static void assertBrokerStillServes() throws Exception {
        try (RawClient other = new RawClient(fixture.port)) {
            assertThat(other.connect("healthy")).isZero();
            other.send(RawClient.subscribe(7, "health/t", 0));
            assertThat(other.readType(9).packetId()).isEqualTo(7);
            other.send(RawClient.publish("health/t", 0, 0, "ok"));
            RawClient.Packet echo = other.readType(3);
            assertThat(new String(echo.body(), StandardCharsets.UTF_8)).endsWith("ok");
        }
    }
}
