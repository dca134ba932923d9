package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {
    private final ConcurrentLinkedQueue<Runnable> eventExecutor = new ConcurrentLinkedQueue<>();
    private final EventDispatcher dispatcher = new EventDispatcher("dispatcher-test", eventExecutor::add);

    @AfterEach
    void shutdown() {
        dispatcher.shutdown();
    }

    private int runPending() {
        int tasks = 0;
        for (Runnable task; (task = eventExecutor.poll()) != null; tasks++) {
            task.run();
        }
        return tasks;
    }

    @Test
    void aFloodReachesTheEventExecutorAsOneBatchInOrder() {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int n = i;
            dispatcher.postMessage(() -> delivered.add(n));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !eventExecutor.isEmpty());

        assertThat(runPending()).isEqualTo(1);
        assertThat(delivered).hasSize(10_000).isSorted();
    }

    @Test
    void messagesPastTheBoundAreDroppedAndCountedButStateEventsAreKept() {
        AtomicInteger messages = new AtomicInteger();
        AtomicInteger states = new AtomicInteger();
        for (int i = 0; i < EventDispatcher.MAX_PENDING_MESSAGES + 5; i++) {
            dispatcher.postMessage(messages::incrementAndGet);
        }
        dispatcher.post(states::incrementAndGet);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !eventExecutor.isEmpty());
        runPending();

        assertThat(dispatcher.dropped()).isEqualTo(5);
        assertThat(messages).hasValue(EventDispatcher.MAX_PENDING_MESSAGES);
        assertThat(states).hasValue(1);
    }

    @Test
    void workPostedDuringADrainSchedulesTheNextBatch() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        dispatcher.post(() -> {
            delivered.add("first");
            dispatcher.post(() -> delivered.add("second"));
        });
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            runPending();
            return delivered.size() == 2;
        });
        assertThat(delivered).containsExactly("first", "second");
    }
}
