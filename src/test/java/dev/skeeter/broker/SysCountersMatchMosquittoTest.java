package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * Runs the same scripted traffic (connects, subscribes, QoS 0/1/2 publishes, retained sets and clears, a message
 * dropped at a full offline queue) into mosquitto 2 and into our broker, reads both brokers' {@code $SYS} counters
 * before and after, and compares the deltas. The reader's own {@code $SYS} deliveries are subtracted, since the two
 * trees differ in what they publish (heap figures, timestamp).
 */
class SysCountersMatchMosquittoTest {
    private static final String[] COUNTERS = {"messages/received", "messages/sent", "publish/messages/received",
        "publish/messages/sent", "publish/messages/dropped", "publish/bytes/received", "publish/bytes/sent",
        "bytes/received", "bytes/sent", "retained messages/count", "subscriptions/count", "clients/connected",
        "clients/active", "clients/total", "clients/disconnected", "clients/inactive"};
    private static final String[] RECEIVED_SIDE = {"messages/received", "publish/messages/received",
        "publish/messages/dropped", "publish/bytes/received", "bytes/received", "retained messages/count",
        "subscriptions/count", "clients/connected", "clients/active", "clients/total", "clients/disconnected",
        "clients/inactive"};
    /** The traffic's QoS 2 and retained PUBLISH packets: mosquitto 2.0 leaves them out of publish/messages/received. */
    private static final long QOS2_OR_RETAINED_PUBLISHES = 4;

    @Test
    void everyCounterBothBrokersPublishMovesByTheSameAmountForTheSameTraffic() throws Exception {
        Map<String, Long> mosquitto;
        try (MosquittoBroker broker = MosquittoBroker.start("sys_interval 1", "max_queued_messages 2")) {
            mosquitto = deltas("tcp://127.0.0.1:" + broker.port());
        }
        Map<String, Long> ours;
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, "127.0.0.1")
                .sysInterval(Duration.ofSeconds(1)).maxQueuedMessages(2).build())) {
            int port = broker.start().join().get(0).getPort();
            ours = deltas("tcp://127.0.0.1:" + port);
        }
        // Received side, clients, retained messages, subscriptions and drops: the same as mosquitto's, except that
        // mosquitto 2.0 leaves QoS 2 and retained PUBLISH packets out of publish/messages/received.
        for (String counter : RECEIVED_SIDE) {
            long expected = mosquitto.get(counter)
                    + (counter.equals("publish/messages/received") ? QOS2_OR_RETAINED_PUBLISHES : 0);
            assertThat(ours.get(counter)).as("%s (ours %s, mosquitto %s)", counter, ours, mosquitto)
                    .isEqualTo(expected);
        }
        // Sent side: mosquitto's deltas carry two PUBLISH packets more than the script causes (open question, see
        // docs/broker.md), so ours is checked against the script itself: 8 deliveries (6 to sys-a, 2 queued for
        // sys-d) with 25 payload bytes, plus CONNACK x4, SUBACK x2, PUBACK x5, PUBREC x2, PUBCOMP x2, PUBREL x2.
        assertThat(ours.get("publish/messages/sent")).isEqualTo(8);
        assertThat(ours.get("publish/bytes/sent")).isEqualTo(25);
        assertThat(ours.get("messages/sent")).isEqualTo(25);
        assertThat(mosquitto.get("publish/messages/dropped")).isEqualTo(1);
        assertThat(mosquitto.get("retained messages/count")).isEqualTo(1);
    }

    /** The counters' movement over the script, without the reader's own deliveries. */
    private static Map<String, Long> deltas(String url) throws Exception {
        Reader reader = new Reader(url);
        try {
            // The retained tree comes first and may be stale; start at the second live update after it.
            int retained = reader.awaitUptime(0);
            int first = reader.awaitUptime(reader.awaitUptime(retained + 1) + 1);
            int firstBatchEnd = reader.awaitUptime(first + 1);
            Map<String, Long> before = reader.valuesBefore(firstBatchEnd);
            long clientsBefore = before.get("clients/connected");
            Traffic.run(url);
            await().atMost(Duration.ofSeconds(30)).alias(url + ": clients/connected back to " + clientsBefore)
                    .until(() -> reader.latest("clients/connected"), n -> n == clientsBefore);
            int settled = reader.awaitUptime(reader.size());
            int last = reader.awaitUptime(settled + 1);
            int lastBatchEnd = reader.awaitUptime(last + 1);
            Map<String, Long> after = reader.valuesBefore(lastBatchEnd);
            Map<String, Long> delta = new HashMap<>();
            for (String counter : COUNTERS) {
                delta.put(counter, after.get(counter) - before.get(counter));
            }
            // The reader's deliveries from the first batch up to (not including) the last one were counted as sent.
            List<Received> own = reader.between(first, last);
            delta.merge("messages/sent", -(long) own.size(), Long::sum);
            delta.merge("publish/messages/sent", -(long) own.size(), Long::sum);
            delta.merge("bytes/sent", -own.stream().mapToLong(Received::frameBytes).sum(), Long::sum);
            delta.merge("publish/bytes/sent", -own.stream().mapToLong(r -> r.payload.length).sum(), Long::sum);
            return delta;
        } finally {
            reader.close();
        }
    }

    private record Received(String topic, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A QoS 0 PUBLISH on the wire: fixed header, topic length and topic, payload. */
        long frameBytes() {
            int remaining = 2 + topic.getBytes(StandardCharsets.UTF_8).length + payload.length;
            int lengthBytes = remaining < 128 ? 1 : remaining < 16_384 ? 2 : 3;
            return 1 + lengthBytes + remaining;
        }
    }

    /** Subscribed to {@code $SYS/broker/#} at QoS 0 with no keep-alive, so it sends nothing while it reads. */
    private static final class Reader {
        private final MqttClient client;
        private final List<Received> received = new CopyOnWriteArrayList<>();

        Reader(String url) throws Exception {
            client = new MqttClient(url, "sys-reader", new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setKeepAliveInterval(0);
            client.connect(options);
            client.subscribe("$SYS/broker/#", 0, (topic, message) -> received.add(new Received(topic,
                    message.getPayload())));
        }

        int size() {
            return received.size();
        }

        /** Index of the first uptime message at or after {@code from}, waiting for it. */
        int awaitUptime(int from) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int i = from; i < received.size(); i++) {
                    if (received.get(i).topic().equals("$SYS/broker/uptime")) {
                        return i;
                    }
                }
                return -1;
            }, i -> i >= 0);
        }

        /** Each counter's last value received before index {@code end}. */
        Map<String, Long> valuesBefore(int end) {
            Map<String, Long> values = new HashMap<>();
            for (Received r : received.subList(0, end)) {
                String name = r.topic().substring("$SYS/broker/".length());
                if (List.of(COUNTERS).contains(name)) {
                    values.put(name, Long.parseLong(r.text()));
                }
            }
            return values;
        }

        long latest(String counter) {
            return valuesBefore(received.size()).getOrDefault(counter, -1L);
        }

        List<Received> between(int from, int to) {
            return new ArrayList<>(received.subList(from, to));
        }

        void close() throws Exception {
            client.disconnect();
            client.close();
        }
    }

    /** The script, identical for both brokers: fixed client ids, topics and payloads, so every byte matches. */
    private static final class Traffic {
        static void run(String url) throws Exception {
            List<String> seen = new CopyOnWriteArrayList<>();
            MqttClient a = connect(url, "sys-a", true);
            a.subscribe("t/#", 2, (topic, m) -> seen.add(topic));
            MqttClient b = connect(url, "sys-b", true);
            b.publish("t/q0", "zero".getBytes(StandardCharsets.UTF_8), 0, false);
            b.publish("t/q1", "one".getBytes(StandardCharsets.UTF_8), 1, false);
            b.publish("t/q2", "two".getBytes(StandardCharsets.UTF_8), 2, false);
            b.publish("t/r", "kept".getBytes(StandardCharsets.UTF_8), 1, true);
            b.publish("t/r2", "briefly".getBytes(StandardCharsets.UTF_8), 2, true);
            b.publish("t/r2", new byte[0], 0, true); // clears it
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 6);

            // A persistent session offline with a queue of 2: the third QoS 1 message is dropped.
            MqttClient d = connect(url, "sys-d", false);
            d.subscribe("drop/t", 1);
            d.disconnect();
            d.close();
            for (int i = 0; i < 3; i++) {
                b.publish("drop/t", ("m" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            List<String> queued = new CopyOnWriteArrayList<>();
            MqttClient again = new MqttClient(url, "sys-d", new MemoryPersistence());
            again.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    queued.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                }
            });
            MqttConnectOptions persistent = new MqttConnectOptions();
            persistent.setCleanSession(false);
            again.connect(persistent);
            await().atMost(Duration.ofSeconds(30)).until(() -> queued.size() == 2);
            assertThat(queued).containsExactly("m0", "m1");
            again.disconnect();
            again.close();
            a.disconnect();
            a.close();
            b.disconnect();
            b.close();
        }

        private static MqttClient connect(String url, String id, boolean clean) throws Exception {
            MqttClient client = new MqttClient(url, id, new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(clean);
            client.connect(options);
            return client;
        }
    }
}
