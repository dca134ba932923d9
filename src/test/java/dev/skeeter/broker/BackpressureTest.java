package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure end to end over raw sockets: a slow subscriber slows its publishers down instead of the broker
 * reading them at full speed and dropping, acknowledged messages all arrive, and nothing deadlocks.
 */
class BackpressureTest {
    private static final int MESSAGES = 2_000;
    /** Blocking socket writers and readers, one thread each (the common pool may have a single thread). */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Queue bound 100: the high-water mark is 50; no stall release within a test's time. */
    private static BrokerConfig.Builder config() {
        return BrokerConfig.builder().maxInflightMessages(20).maxQueuedMessages(100).stallTimeout(Duration.ofMinutes(1));
    }

    @Test
    void aSlowSubscriberThrottlesItsPublisherAndLaterGetsEveryAcknowledgedMessage() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(config());
                RawClient slow = new RawClient(fixture.port);
                RawClient publisher = new RawClient(fixture.port);
                RawClient other = new RawClient(fixture.port)) {
            assertThat(slow.connect("slow")).isZero();
            slow.send(RawClient.subscribe(1, "bp/#", 1));
            slow.readType(9);
            assertThat(publisher.connect("fast")).isZero();

            // 2,000 QoS 1 messages of 200 bytes, written as fast as the socket takes them; the subscriber reads
            // nothing yet, so its 20-message window fills and the rest waits in its queue.
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(publisher, batch("bp/t", 1)), threads);

            Awaitility.await("publisher throttled, nothing dropped").atMost(Duration.ofSeconds(10))
                    .during(Duration.ofMillis(500))
                    .until(() -> fixture.broker.stats().publishReceived() > 0
                            && fixture.broker.stats().publishReceived() < MESSAGES / 2
                            && fixture.broker.stats().publishDropped() == 0);

            // The broker still serves everyone else meanwhile.
            assertThat(other.connect("other")).isZero();
            other.send(RawClient.subscribe(1, "other", 1));
            other.readType(9);
            other.send(RawClient.publish("other", 1, 7, "hello"));
            assertThat(other.readType(3).body()).endsWith("hello".getBytes(StandardCharsets.UTF_8));

            // The subscriber now reads and acknowledges: every message arrives, once, in order.
            List<Integer> received = readAndAck(slow, MESSAGES, 0).publishes();
            assertThat(received).hasSize(MESSAGES).isSorted().doesNotHaveDuplicates();
            assertThat(readAndAck(publisher, 0, MESSAGES).pubacks()).isEqualTo(MESSAGES);
            sending.get(10, TimeUnit.SECONDS);
            assertThat(fixture.broker.stats().publishDropped()).isZero();
        }
    }

    @Test
    void aSubscriberThatStopsReadingReleasesItsPublishersAfterTheStallTimeout() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(config().stallTimeout(Duration.ofMillis(300)));
                RawClient stalled = new RawClient(fixture.port);
                RawClient publisher = new RawClient(fixture.port)) {
            assertThat(stalled.connect("stalled")).isZero();
            stalled.send(RawClient.subscribe(1, "st/#", 0));
            stalled.readType(9);
            assertThat(publisher.connect("flooder")).isZero();

            // 20 MB: more than socket buffers and the queue hold, so the publisher is paused until the stall.
            byte[] batch = batch("st/t", 0);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    send(publisher, batch);
                }
            }, threads);
            publisherPingAnswered(publisher, sending);

            // QoS 0 beyond the queue bound is dropped and counted once the publisher stops waiting.
            assertThat(fixture.broker.stats().publishReceived()).isEqualTo(50L * MESSAGES);
            assertThat(fixture.broker.stats().publishDropped()).isPositive();
        }
    }

    @Test
    void twoClientsPublishingToEachOtherAndOneToItselfDoNotDeadlock() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(config());
                RawClient a = new RawClient(fixture.port);
                RawClient b = new RawClient(fixture.port)) {
            assertThat(a.connect("a")).isZero();
            assertThat(b.connect("b")).isZero();
            a.send(RawClient.subscribe(1, "to/a", 1));
            a.readType(9);
            b.send(RawClient.subscribe(1, "to/b", 1));
            b.readType(9);
            b.send(RawClient.subscribe(2, "to/b/self", 1));
            b.readType(9);

            // Both flood before either reads: each one's window fills, so each session is congested by the other.
            CompletableFuture<Void> aSends = CompletableFuture.runAsync(() -> send(a, batch("to/b", 1)), threads);
            CompletableFuture<Void> bSends = CompletableFuture.runAsync(() -> {
                send(b, batch("to/a", 1));
                send(b, batch("to/b/self", 1));
            }, threads);
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> fixture.broker.stats().publishReceived() >= 100);

            // Then each reads on its own, as real clients do.
            CompletableFuture<Acked> aReads = CompletableFuture.supplyAsync(() -> readAndAck(a, MESSAGES, MESSAGES),
                    threads);
            Acked bSide = readAndAck(b, 2 * MESSAGES, 2 * MESSAGES);
            Acked aSide = aReads.get(10, TimeUnit.SECONDS);
            aSends.get(10, TimeUnit.SECONDS);
            bSends.get(10, TimeUnit.SECONDS);
            assertThat(aSide.publishes()).hasSize(MESSAGES);
            assertThat(bSide.publishes()).hasSize(2 * MESSAGES);
            assertThat(fixture.broker.stats().publishDropped()).isZero();
        }
    }

    private static void publisherPingAnswered(RawClient publisher, CompletableFuture<Void> sending) throws Exception {
        sending.get(20, TimeUnit.SECONDS);
        publisher.send(RawClient.packet(0xC0));
        publisher.readType(13); // every PUBLISH before the PINGREQ has been read and routed
    }

    /** {@value #MESSAGES} PUBLISH packets to {@code topic}, ids 1.., payload starting with the sequence number. */
    private static byte[] batch(String topic, int qos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String padding = "x".repeat(190);
        for (int i = 1; i <= MESSAGES; i++) {
            out.writeBytes(RawClient.publish(topic, qos, i, String.format("%08d", i) + padding));
        }
        return out.toByteArray();
    }

    private static void send(RawClient client, byte[] bytes) {
        try {
            client.send(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Acked(List<Integer> publishes, int pubacks) {
    }

    /** Reads until {@code publishes} PUBLISH packets (each acknowledged) and {@code pubacks} PUBACKs arrived. */
    private static Acked readAndAck(RawClient client, int publishes, int pubacks) {
        try {
            return readAndAckOrFail(client, publishes, pubacks);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Acked readAndAckOrFail(RawClient client, int publishes, int pubacks) throws IOException {
        List<Integer> sequence = new ArrayList<>();
        int acks = 0;
        while (sequence.size() < publishes || acks < pubacks) {
            RawClient.Packet p = client.read();
            if (p.type() == 4) {
                acks++;
            } else if (p.type() == 3) {
                byte[] body = p.body();
                int topicLength = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                int id = ((body[2 + topicLength] & 0xFF) << 8) | (body[3 + topicLength] & 0xFF);
                sequence.add(Integer.parseInt(new String(body, 4 + topicLength, 8, StandardCharsets.US_ASCII)));
                client.send(RawClient.ack(4, id));
            }
        }
        return new Acked(sequence, acks);
    }
}
