package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {
    private final EventDispatcher dispatcher = new EventDispatcher("dispatcher-test");

    @AfterEach
    void shutdown() {
        dispatcher.shutdown();
    }

    @Test
    void messagesAndEventsReachTheListenersInOrderOnTheConnectionsThread() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            dispatcher.postMessage(() -> {
                delivered.add("m" + n);
                threads.add(Thread.currentThread().getName());
            });
            if (i == 5_000) {
                dispatcher.post(() -> delivered.add("state"));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 10_001);
        assertThat(delivered.get(5_001)).isEqualTo("state");
        assertThat(delivered.subList(0, 5_001)).isEqualTo(
                java.util.stream.IntStream.range(0, 5_001).mapToObj(i -> "m" + i).toList());
        assertThat(threads).allMatch("dispatcher-test"::equals);
    }

    @Test
    void aListenerFarBehindHoldsThePosterBackInsteadOfDropping() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        dispatcher.post(() -> {
            try {
                release.await(30, TimeUnit.SECONDS); // a listener stuck for a while
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int total = EventDispatcher.MAX_WAITING_MESSAGES + 100;
        AtomicInteger posted = new AtomicInteger();
        Thread paho = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                dispatcher.postMessage(delivered::incrementAndGet);
                posted.incrementAndGet();
            }
        }, "MQTT Call: test");
        paho.start();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> posted.get() == EventDispatcher.MAX_WAITING_MESSAGES);
        // the poster now waits for room: the next message is not taken while the listener is stuck
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> posted.get() == EventDispatcher.MAX_WAITING_MESSAGES);
        assertThat(delivered).hasValue(0);

        release.countDown();
        paho.join(10_000);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> delivered.get() == total);
        assertThat(posted).hasValue(total);
    }

    @Test
    void workPostedDuringADrainIsDeliveredToo() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        dispatcher.post(() -> {
            delivered.add("first");
            dispatcher.post(() -> delivered.add("second"));
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 2);
        assertThat(delivered).containsExactly("first", "second");
    }

    @Test
    void aClosedConnectionDeliversNoMoreMessages() {
        AtomicInteger delivered = new AtomicInteger();
        dispatcher.shutdown();
        dispatcher.postMessage(delivered::incrementAndGet);
        assertThat(delivered).hasValue(0);
    }
}
