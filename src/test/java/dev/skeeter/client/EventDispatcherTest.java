package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {
    private final EventDispatcher dispatcher = new EventDispatcher("dispatcher-test");
    private final RecordingListener listener = new RecordingListener();

    EventDispatcherTest() {
        dispatcher.addListener(listener);
    }

    @AfterEach
    void shutdown() {
        dispatcher.shutdown();
    }

    private static ReceivedMessage message(int n) {
        return new ReceivedMessage(Instant.now(), "t/" + n, 0, false, false, new byte[0], List.of("t/#"));
    }

    @Test
    void messagesAndEventsReachTheListenersInOrderOnTheConnectionsThread() {
        List<String> sequence = new CopyOnWriteArrayList<>();
        dispatcher.addListener(new ConnectionListener() {
            @Override
            public void messageArrived(ReceivedMessage message) {
                sequence.add(message.topic());
            }

            @Override
            public void event(ConnectionEvent event) {
                sequence.add(event.text());
            }
        });
        for (int i = 0; i < 10_000; i++) {
            dispatcher.postMessage(message(i));
            if (i == 5_000) {
                dispatcher.post(l -> l.event(ConnectionEvent.info("state")));
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.size() == 10_000);
        assertThat(listener.messages).extracting(ReceivedMessage::topic)
                .isEqualTo(IntStream.range(0, 10_000).mapToObj(i -> "t/" + i).toList());
        assertThat(listener.threads).hasSize(10_001).allMatch("dispatcher-test"::equals);
        // one queue for messages and events: the event comes right after the message posted before it
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sequence.size() == 10_001);
        assertThat(sequence.subList(5_000, 5_003)).containsExactly("t/5000", "state", "t/5001");
    }

    @Test
    void aListenerFarBehindHoldsThePosterBackInsteadOfDropping() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        dispatcher.post(l -> {
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
                dispatcher.postMessage(message(i));
                posted.incrementAndGet();
            }
        }, "MQTT Call: test");
        paho.start();
        // 100,000 posts: generous bounds, as a loaded 2-core machine takes several seconds for them
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> posted.get() == EventDispatcher.MAX_WAITING_MESSAGES);
        // the poster now waits for room: the next message is not taken while the listener is stuck
        Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> posted.get() == EventDispatcher.MAX_WAITING_MESSAGES);
        assertThat(listener.messages).isEmpty();

        release.countDown();
        paho.join(60_000);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> listener.messages.size() == total);
        assertThat(posted).hasValue(total);
    }

    @Test
    void aListenerThatThrowsDoesNotKeepTheOthersWaiting() {
        dispatcher.removeListener(listener);
        dispatcher.addListener(new ConnectionListener() {
            @Override
            public void messageArrived(ReceivedMessage message) {
                throw new IllegalStateException("a broken listener");
            }
        });
        dispatcher.addListener(listener);
        dispatcher.postMessage(message(1));
        dispatcher.postMessage(message(2));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.size() == 2);
    }

    @Test
    void aClosedConnectionDeliversNoMoreMessages() {
        dispatcher.shutdown();
        dispatcher.postMessage(message(1));
        assertThat(listener.messages).isEmpty();
    }
}
