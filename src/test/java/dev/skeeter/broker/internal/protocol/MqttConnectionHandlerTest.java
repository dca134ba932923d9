package dev.skeeter.broker.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.internal.BrokerCore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection handler on EmbeddedChannels with the real pipeline (leak detection paranoid in surefire). */
class MqttConnectionHandlerTest {
    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int PUBACK = 4;
    private static final int PUBREC = 5;
    private static final int PUBCOMP = 7;
    private static final int SUBACK = 9;
    private static final int PINGRESP = 13;

    private BrokerCore core = new BrokerCore(BrokerConfig.builder().build());

    private EmbeddedClient connected(String clientId) {
        EmbeddedClient client = new EmbeddedClient(core);
        client.send(Bytes.connect(clientId, true));
        List<EmbeddedClient.Packet> packets = client.received();
        assertThat(packets).extracting(EmbeddedClient.Packet::type).containsExactly(CONNACK);
        assertThat(packets.get(0).body()).containsExactly(0, 0);
        return client;
    }

    private EmbeddedClient subscribed(String clientId, String filter, int qos) {
        EmbeddedClient client = connected(clientId);
        client.send(Bytes.subscribe(1, filter, qos));
        assertThat(client.receivedTypes()).containsExactly(SUBACK);
        return client;
    }

    @Test
    void connectIsAnsweredWithConnackAndPingWithPingresp() {
        try (EmbeddedClient client = connected("c1")) {
            client.send(new byte[] {(byte) 0xC0, 0});
            assertThat(client.receivedTypes()).containsExactly(PINGRESP);
            assertThat(core.clients()).hasSize(1);
        }
    }

    @Test
    void qos2ResendAwaitingPubrelIsNotDeliveredAgain_MQTT_4_3_3_2() {
        try (EmbeddedClient sub = subscribed("sub", "t", 2); EmbeddedClient pub = connected("pub")) {
            pub.send(Bytes.publish(0x34, "t", 7, "once"));
            pub.send(Bytes.publish(0x3C, "t", 7, "once")); // resend with DUP before PUBREL
            assertThat(pub.receivedTypes()).containsExactly(PUBREC, PUBREC);
            assertThat(sub.receivedTypes()).containsExactly(PUBLISH);

            pub.send(Bytes.packet(0x62, 0, 7)); // PUBREL releases id 7
            assertThat(pub.received()).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(PUBCOMP);
                assertThat(p.packetId()).isEqualTo(7);
            });
            pub.send(Bytes.publish(0x34, "t", 7, "twice")); // the id is free again: a new message
            assertThat(sub.receivedTypes()).containsExactly(PUBLISH);
        }
    }

    @Test
    void qos1PublishIsAcknowledgedAndDelivered() {
        try (EmbeddedClient sub = subscribed("sub", "a/+", 1); EmbeddedClient pub = connected("pub")) {
            pub.send(Bytes.publish(0x32, "a/b", 3, "hello"));
            assertThat(pub.received()).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(PUBACK);
                assertThat(p.packetId()).isEqualTo(3);
            });
            EmbeddedClient.Packet delivered = sub.received().get(0);
            assertThat(delivered.header()).as("QoS 1, DUP 0, retain 0").isEqualTo(0x32);
            assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).endsWith("hello");
        }
    }

    @Test
    void overMessageSizeLimitIsAcknowledgedButDropped() {
        core = new BrokerCore(BrokerConfig.builder().messageSizeLimit(4).build());
        try (EmbeddedClient sub = subscribed("sub", "t", 1); EmbeddedClient pub = connected("pub")) {
            pub.send(Bytes.publish(0x32, "t", 1, "12345"));
            assertThat(pub.receivedTypes()).containsExactly(PUBACK);
            assertThat(sub.receivedTypes()).isEmpty();
            assertThat(pub.channel.isActive()).as("the connection stays").isTrue();
            assertThat(core.metrics().snapshot(0, 0, 0, 0, 0).publishDropped())
                    .as("mosquitto 2.0 counts only full queues in publish/messages/dropped").isZero();

            pub.send(Bytes.publish(0x32, "t", 2, "1234"));
            assertThat(sub.receivedTypes()).containsExactly(PUBLISH);
        }
    }

    @Test
    void secondConnectClosesTheConnection_MQTT_3_1_0_2() {
        try (EmbeddedClient client = connected("twice")) {
            client.send(Bytes.connect("twice", true));
            assertThat(client.channel.isActive()).isFalse();
        }
    }

    @Test
    void inflightWindowHoldsBackFurtherQos1MessagesUntilAcknowledged() {
        core = new BrokerCore(BrokerConfig.builder().maxInflightMessages(2).build());
        try (EmbeddedClient sub = subscribed("sub", "t", 1); EmbeddedClient pub = connected("pub")) {
            for (int i = 1; i <= 5; i++) {
                pub.send(Bytes.publish(0x32, "t", i, "m" + i));
            }
            List<EmbeddedClient.Packet> first = sub.received();
            assertThat(first).extracting(EmbeddedClient.Packet::type).containsExactly(PUBLISH, PUBLISH);

            byte[] body = first.get(0).body(); // topic length (2) + "t" (1), then the packet id
            sub.send(Bytes.packet(0x40, body[3] & 0xFF, body[4] & 0xFF));
            assertThat(sub.received()).extracting(EmbeddedClient.Packet::type).containsExactly(PUBLISH);
        }
    }

    @Test
    void aSmallQueueBoundHoldsThePublisherBackInsteadOfDroppingAcknowledgedMessages() {
        core = new BrokerCore(BrokerConfig.builder().maxInflightMessages(1).maxQueuedMessages(2).build());
        try (EmbeddedClient sub = subscribed("sub", "t", 1); EmbeddedClient pub = connected("pub")) {
            for (int i = 1; i <= 5; i++) {
                pub.send(Bytes.publish(0x32, "t", i, "m" + i));
            }
            assertThat(sub.receivedTypes()).containsExactly(PUBLISH); // 1 in flight, the rest held back
            assertThat(pub.receivedTypes()).as("PUBACK only once routed").hasSizeLessThan(5);
            for (int i = 1; i <= 4; i++) {
                sub.send(Bytes.packet(0x40, 0, i));
                pub.received(); // each EmbeddedChannel has its own loop: run the publisher's resume
                assertThat(sub.receivedTypes()).as("after PUBACK " + i).containsExactly(PUBLISH);
            }
            assertThat(core.metrics().snapshot(0, 0, 0, 0, 0).publishDropped()).isZero();
        }
    }

    @Test
    void retainedMessageFollowsTheSuback() {
        try (EmbeddedClient pub = connected("pub")) {
            pub.send(Bytes.publish(0x31, "r/t", 0, "kept")); // QoS 0, retain
            try (EmbeddedClient sub = connected("sub")) {
                sub.send(Bytes.subscribe(1, "r/#", 0));
                List<EmbeddedClient.Packet> packets = sub.received();
                assertThat(packets).extracting(EmbeddedClient.Packet::type).containsExactly(SUBACK, PUBLISH);
                assertThat(packets.get(1).header()).as("retain flag set").isEqualTo(0x31);
            }
        }
    }

    /** Raw packet bytes for these tests. */
    static final class Bytes {
        static byte[] packet(int header, int... body) {
            byte[] out = new byte[body.length + 2];
            out[0] = (byte) header;
            out[1] = (byte) body.length;
            for (int i = 0; i < body.length; i++) {
                out[i + 2] = (byte) body[i];
            }
            return out;
        }

        static byte[] connect(String clientId, boolean clean) {
            byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[14 + id.length];
            byte[] head = {0x10, (byte) (12 + id.length), 0, 4, 'M', 'Q', 'T', 'T', 4, (byte) (clean ? 2 : 0), 0, 60,
                0, (byte) id.length};
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(id, 0, out, head.length, id.length);
            return out;
        }

        static byte[] publish(int header, String topic, int packetId, String payload) {
            byte[] t = topic.getBytes(StandardCharsets.UTF_8);
            byte[] p = payload.getBytes(StandardCharsets.UTF_8);
            boolean hasId = ((header >> 1) & 3) > 0;
            int length = 2 + t.length + (hasId ? 2 : 0) + p.length;
            byte[] out = new byte[2 + length];
            int i = 0;
            out[i++] = (byte) header;
            out[i++] = (byte) length;
            out[i++] = 0;
            out[i++] = (byte) t.length;
            System.arraycopy(t, 0, out, i, t.length);
            i += t.length;
            if (hasId) {
                out[i++] = (byte) (packetId >> 8);
                out[i++] = (byte) packetId;
            }
            System.arraycopy(p, 0, out, i, p.length);
            return out;
        }

        static byte[] subscribe(int packetId, String filter, int qos) {
            byte[] f = filter.getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[7 + f.length];
            out[0] = (byte) 0x82;
            out[1] = (byte) (5 + f.length);
            out[2] = (byte) (packetId >> 8);
            out[3] = (byte) packetId;
            out[4] = 0;
            out[5] = (byte) f.length;
            System.arraycopy(f, 0, out, 6, f.length);
            out[6 + f.length] = (byte) qos;
            return out;
        }
    }
}
