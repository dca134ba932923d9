package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MessageStoreTest {
    private static ReceivedMessage message(String topic, int payloadBytes) {
        return new ReceivedMessage(Instant.now(), topic, 0, false, false, new byte[payloadBytes], List.of("#"));
    }

    @Test
    void defaultsAreAHundredThousandMessagesOr256Megabytes() {
        MessageStore store = new MessageStore();

        assertThat(store.maxMessages()).isEqualTo(100_000);
        assertThat(store.maxPayloadBytes()).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void keepsTheNewestMessagesWithinTheCountBound() {
        MessageStore store = new MessageStore(3, 1_000_000);
        for (int i = 0; i < 10; i++) {
            store.add(message("t/" + i, 1));
        }

        assertThat(store.snapshot()).extracting(ReceivedMessage::topic).containsExactly("t/7", "t/8", "t/9");
        assertThat(store.stats()).isEqualTo(new MessageStore.Stats(10, 3, 7, 3));
    }

    @Test
    void keepsTheNewestMessagesWithinTheByteBound() {
        MessageStore store = new MessageStore(1000, 100);
        for (int i = 0; i < 10; i++) {
            store.add(message("t/" + i, 30));
        }

        assertThat(store.snapshot()).extracting(ReceivedMessage::topic).containsExactly("t/7", "t/8", "t/9");
        assertThat(store.keptBytes()).isEqualTo(90);
        assertThat(store.evicted()).isEqualTo(7);
        assertThat(store.received()).isEqualTo(10);
    }

    @Test
    void aMessageLargerThanTheByteBoundIsStillShownAlone() {
        MessageStore store = new MessageStore(1000, 100);
        store.add(message("small", 10));
        store.add(message("huge", 500));

        assertThat(store.snapshot()).extracting(ReceivedMessage::topic).containsExactly("huge");
        store.add(message("next", 10));
        assertThat(store.snapshot()).extracting(ReceivedMessage::topic).containsExactly("next");
        assertThat(store.evicted()).isEqualTo(2);
    }

    @Test
    void shrinkingABoundEvictsAtOnce() {
        MessageStore store = new MessageStore(100, 10_000);
        for (int i = 0; i < 50; i++) {
            store.add(message("t/" + i, 10));
        }

        store.setMaxMessages(20);
        assertThat(store.stats()).isEqualTo(new MessageStore.Stats(50, 20, 30, 200));
        store.setMaxPayloadBytes(55);
        assertThat(store.stats()).isEqualTo(new MessageStore.Stats(50, 5, 45, 50));
        assertThat(store.snapshot()).extracting(ReceivedMessage::topic)
                .containsExactly("t/45", "t/46", "t/47", "t/48", "t/49");
        assertThatThrownBy(() -> store.setMaxMessages(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearStartsTheCountsOver() {
        MessageStore store = new MessageStore(2, 1000);
        for (int i = 0; i < 5; i++) {
            store.add(message("t", 1));
        }

        store.clear();
        assertThat(store.stats()).isEqualTo(new MessageStore.Stats(0, 0, 0, 0));
        store.add(message("t", 4));
        assertThat(store.stats()).isEqualTo(new MessageStore.Stats(1, 1, 0, 4));
    }

    @Test
    void receivedEqualsKeptPlusEvictedUnderAFloodFromFourThreads() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        MessageStore store = new MessageStore(10_000, 1_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String topic = "thread/" + t;
                writers.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    for (int i = 0; i < perThread; i++) {
                        store.add(message(topic, i % 200));
                    }
                }, pool));
            }
            // A reader checks the invariant while the writers run.
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                await(go);
                int checks = 0;
                while (!CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).isDone()) {
                    MessageStore.Stats s = store.stats();
                    assertThat(s.received()).isEqualTo(s.kept() + s.evicted());
                    assertThat(s.kept()).isLessThanOrEqualTo(10_000);
                    assertThat(s.keptBytes()).isLessThanOrEqualTo(1_000_000);
                    checks++;
                }
                return checks;
            }, pool);
            go.countDown();
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }

        MessageStore.Stats s = store.stats();
        assertThat(s.received()).isEqualTo((long) threads * perThread);
        assertThat(s.received()).isEqualTo(s.kept() + s.evicted());
        assertThat(s.kept()).isLessThanOrEqualTo(10_000);
        assertThat(s.keptBytes()).isLessThanOrEqualTo(1_000_000)
                .isEqualTo(store.snapshot().stream().mapToLong(ReceivedMessage::payloadSize).sum());
    }

    @Test
    void messageEqualityComparesPayloadContentAndToStringHidesIt() {
        Instant now = Instant.now();
        var a = new ReceivedMessage(now, "t", 1, true, false, "secret".getBytes(), List.of("t"));
        var b = new ReceivedMessage(now, "t", 1, true, false, "secret".getBytes(), List.of("t"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.toString()).doesNotContain("secret").contains("6 bytes");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start signal never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
