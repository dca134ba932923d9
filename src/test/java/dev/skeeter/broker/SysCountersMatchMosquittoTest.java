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
 * dropped at a full offline queue, and two that are not counted as dropped) into mosquitto 2 and into our broker,
 * reads both brokers' {@code $SYS} counters before and after, and compares the deltas. The reader's own {@code $SYS}
 * deliveries are subtracted, since the two trees differ in what they publish (heap figures, timestamp).
 *
 * <p>When the two brokers read their sent-side counters differs: mosquitto 2.0 writes each {@code $SYS} message to
 * the socket as it queues it ({@code db__message_insert} ends in {@code packet__write}), so the value of
 * {@code publish/messages/sent} in one update already counts the messages of that same update queued before it
 * (uptime, clients, loads, ...); ours takes one snapshot before publishing an update. Which messages precede it
 * varies from update to update (a load is published only when it moved), which is where mosquitto's unexplained
 * "two PUBLISH more" came from. The reader records the order, so both are measured exactly.
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

    private static final String[] SENT_SIDE = {"messages/sent", "publish/messages/sent", "bytes/sent",
        "publish/bytes/sent"};
    private static final String STORED_BYTES = "store/messages/bytes";
    private static final int MESSAGE_SIZE_LIMIT = 100;

    @Test
    void everyCounterBothBrokersPublishMovesByTheSameAmountForTheSameTraffic() throws Exception {
        Map<String, Long> mosquitto;
        try (MosquittoBroker broker = MosquittoBroker.start("sys_interval 1", "max_queued_messages 2",
                "message_size_limit " + MESSAGE_SIZE_LIMIT)) {
            mosquitto = deltas("tcp://127.0.0.1:" + broker.port(), true);
        }
        Map<String, Long> ours;
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, "127.0.0.1")
                .sysInterval(Duration.ofSeconds(1)).maxQueuedMessages(2).messageSizeLimit(MESSAGE_SIZE_LIMIT)
                .build())) {
            int port = broker.start().join().get(0).getPort();
            ours = deltas("tcp://127.0.0.1:" + port, false);
        }
        // Received side, clients, retained messages, subscriptions and drops: the same as mosquitto's, except that
        // mosquitto 2.0 leaves QoS 2 and retained PUBLISH packets out of publish/messages/received.
        for (String counter : RECEIVED_SIDE) {
            long expected = mosquitto.get(counter)
                    + (counter.equals("publish/messages/received") ? QOS2_OR_RETAINED_PUBLISHES : 0);
            assertThat(ours.get(counter)).as("%s (ours %s, mosquitto %s)", counter, ours, mosquitto)
                    .isEqualTo(expected);
        }
        // Sent side, read where each broker reads it: exactly the script in both. 8 deliveries (6 to sys-a, 2 queued
        // for sys-d) with 25 payload bytes, plus CONNACK x4, SUBACK x2, PUBACK x6, PUBREC x2, PUBCOMP x2, PUBREL x2.
        for (Map<String, Long> broker : List.of(mosquitto, ours)) {
            assertThat(broker.get("publish/messages/sent")).as("%s", broker).isEqualTo(8);
            assertThat(broker.get("publish/bytes/sent")).as("%s", broker).isEqualTo(25);
            assertThat(broker.get("messages/sent")).as("%s", broker).isEqualTo(26);
        }
        assertThat(ours.get("bytes/sent")).as("same packets, same bytes").isEqualTo(mosquitto.get("bytes/sent"));
        // Dropped: only the third message for the full offline queue. Neither counts the oversize PUBLISH nor QoS 0
        // for the offline client (mosquitto counts in db__message_insert, when a queue is full).
        assertThat(mosquitto.get("publish/messages/dropped")).isEqualTo(1);
        assertThat(mosquitto.get("retained messages/count")).isEqualTo(1);
        // Stored bytes besides the $SYS tree's own retained values: the one retained "kept".
        assertThat(mosquitto.get(STORED_BYTES)).isEqualTo(4);
        assertThat(ours.get(STORED_BYTES)).isEqualTo(4);
    }

    /**
     * The counters' movement over the script, without the reader's own deliveries.
     *
     * @param writesWhileQueueing true for mosquitto: a sent-side value in an update counts the messages of that
     *     update queued before it
     */
    private static Map<String, Long> deltas(String url, boolean writesWhileQueueing) throws Exception {
        Reader reader = new Reader(url);
        try {
            // The retained tree comes first and may be stale; start at the second live update after it.
            int retained = reader.awaitUptime(0);
            int first = reader.awaitUptime(reader.awaitUptime(retained + 1) + 1);
            int firstBatchEnd = reader.awaitUptime(first + 1);
            Map<String, Long> before = reader.valuesBefore(firstBatchEnd);
            if (writesWhileQueueing) {
                reader.subtractEarlierInUpdate(before, first, firstBatchEnd);
            }
            long storedBefore = reader.storedBytesBesidesSys(first, firstBatchEnd, writesWhileQueueing);
            long clientsBefore = before.get("clients/connected");
            Traffic.run(url);
            await().atMost(Duration.ofSeconds(30)).alias(url + ": clients/connected back to " + clientsBefore)
                    .until(() -> reader.latest("clients/connected"), n -> n == clientsBefore);
            int settled = reader.awaitUptime(reader.size());
            int last = reader.awaitUptime(settled + 1);
            int lastBatchEnd = reader.awaitUptime(last + 1);
            Map<String, Long> after = reader.valuesBefore(lastBatchEnd);
            if (writesWhileQueueing) {
                reader.subtractEarlierInUpdate(after, last, lastBatchEnd);
            }
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
            delta.put(STORED_BYTES, reader.storedBytesBesidesSys(last, lastBatchEnd, writesWhileQueueing)
                    - storedBefore);
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

        /**
         * Takes from each sent-side value of the update in [start, end) what the update itself sent before that
         * value was queued (mosquitto writes while it queues).
         */
        void subtractEarlierInUpdate(Map<String, Long> values, int start, int end) {
            for (String counter : SENT_SIDE) {
                int at = indexOf(counter, start, end);
                assertThat(at).as("%s in the update", counter).isGreaterThanOrEqualTo(0);
                List<Received> earlier = received.subList(start, at);
                long taken = switch (counter) {
                    case "bytes/sent" -> earlier.stream().mapToLong(Received::frameBytes).sum();
                    case "publish/bytes/sent" -> earlier.stream().mapToLong(r -> r.payload.length).sum();
                    default -> earlier.size();
                };
                values.merge(counter, -taken, Long::sum);
            }
        }

        /**
         * {@code store/messages/bytes} of the update in [start, end) less the payloads of the retained {@code $SYS}
         * values the broker held when it read it: at the update's start for ours (one snapshot), at the value's own
         * place for mosquitto (the update's earlier values have already replaced the old ones).
         */
        long storedBytesBesidesSys(int start, int end, boolean writesWhileQueueing) {
            int readAt = writesWhileQueueing ? mosquittoReadsStoreAt(start, end) : start;
            long stored = -1;
            Map<String, Integer> retained = new HashMap<>();
            for (int i = 0; i < end; i++) {
                Received r = received.get(i);
                if (i < readAt) {
                    retained.put(r.topic(), r.payload.length);
                }
                if (r.topic().equals("$SYS/broker/" + STORED_BYTES)) {
                    stored = Long.parseLong(r.text());
                }
            }
            assertThat(stored).as("store/messages/bytes published").isGreaterThanOrEqualTo(0);
            return stored - retained.values().stream().mapToLong(Integer::longValue).sum();
        }

        /**
         * Where mosquitto read its store size in the update: at its own message, or, when the value did not change
         * and so was not published, just after what mosquitto's update queues before it (uptime, clients, loads,
         * messages/stored, store/messages/count).
         */
        private int mosquittoReadsStoreAt(int start, int end) {
            int at = indexOf(STORED_BYTES, start, end);
            if (at >= 0) {
                return at;
            }
            int after = start;
            for (int i = start; i < end; i++) {
                String name = received.get(i).topic().substring("$SYS/broker/".length());
                if (name.equals("uptime") || name.startsWith("clients/") || name.startsWith("load/")
                        || name.equals("messages/stored") || name.equals("store/messages/count")) {
                    after = i + 1;
                }
            }
            return after;
        }

        private int indexOf(String counter, int start, int end) {
            String topic = counter.startsWith("$SYS/") ? counter : "$SYS/broker/" + counter;
            for (int i = start; i < end; i++) {
                if (received.get(i).topic().equals(topic)) {
                    return i;
                }
            }
            return -1;
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
            // Neither is counted as dropped: QoS 0 is not kept for an offline client, and an oversize PUBLISH is
            // refused (acknowledged) before it is routed.
            b.publish("drop/t", "q0".getBytes(StandardCharsets.UTF_8), 0, false);
            b.publish("t/big", new byte[MESSAGE_SIZE_LIMIT + 1], 1, false);
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
