package dev.skeeter.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FxBatcherTest {
    private final ManualExecutor fx = new ManualExecutor();
    private final List<List<Integer>> batches = new ArrayList<>();

    @Test
    void manyOffersScheduleOneTaskAndArriveAsOneBatchInOrder() {
        var batcher = new FxBatcher<Integer>(fx, 1_000, Duration.ZERO, batches::add);
        IntStream.range(0, 500).forEach(batcher::offer);

        assertThat(fx.queued()).isEqualTo(1);
        fx.runAll();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(500).startsWith(0, 1, 2).endsWith(499);
        assertThat(batcher.pending()).isZero();
    }

    @Test
    void overflowIsDroppedAndCountedNotQueued() {
        var batcher = new FxBatcher<Integer>(fx, 100, Duration.ZERO, batches::add);
        IntStream.range(0, 250).forEach(batcher::offer);

        assertThat(batcher.dropped()).isEqualTo(150);
        fx.runAll();
        assertThat(batches.get(0)).hasSize(100).endsWith(99);
        assertThat(batcher.offer(1)).isTrue();
    }

    @Test
    void pokeDeliversAnEmptyBatchSoCountersCanRefresh() {
        var batcher = new FxBatcher<Integer>(fx, 10, Duration.ZERO, batches::add);
        batcher.poke();
        fx.runAll();
        assertThat(batches).containsExactly(List.of());
    }

    @Test
    void itemsOfferedAfterADrainScheduleTheNext() {
        var batcher = new FxBatcher<Integer>(fx, 10, Duration.ZERO, batches::add);
        batcher.offer(1);
        fx.runAll();
        batcher.offer(2);
        fx.runAll();
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void aDrainSoonAfterTheLastWaitsForTheMinimumInterval() {
        var batcher = new FxBatcher<Integer>(fx, 100, Duration.ofMillis(200), batches::add);
        batcher.offer(1);
        assertThat(fx.queued()).isEqualTo(1); // the first drain is not held back
        fx.runAll();
        long drained = System.nanoTime();

        batcher.offer(2);
        batcher.offer(3);
        assertThat(fx.queued()).isZero(); // held back by the pacer, not handed to the FX thread yet
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> fx.queued() == 1);
        assertThat(System.nanoTime() - drained).isGreaterThanOrEqualTo(Duration.ofMillis(190).toNanos());
        fx.runAll();
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
    }

    @Test
    void discardPendingEmptiesTheQueue() {
        var batcher = new FxBatcher<Integer>(fx, 10, Duration.ZERO, batches::add);
        batcher.offer(1);
        batcher.offer(2);
        assertThat(batcher.discardPending()).isEqualTo(2);
        fx.runAll();
        assertThat(batches).isEmpty();
    }

    // ---- the unpaced constructor the shell uses for its log ----

    @Test
    void itemsOfferedBeforeTheDrainArriveInOneBatch() {
        List<Runnable> scheduled = new ArrayList<>();
        List<List<Integer>> batches = new ArrayList<>();
        FxBatcher<Integer> batcher = new FxBatcher<>(scheduled::add, 100, batches::add);

        for (int i = 0; i < 50; i++) {
            batcher.offer(i);
        }
        assertThat(scheduled).hasSize(1); // one task in flight, not one per item
        scheduled.get(0).run();

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(50).startsWith(0, 1, 2).endsWith(49);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfGrowing() {
        List<Runnable> scheduled = new ArrayList<>();
        List<Integer> received = new ArrayList<>();
        FxBatcher<Integer> batcher = new FxBatcher<>(scheduled::add, 10, received::addAll);

        for (int i = 0; i < 25; i++) {
            batcher.offer(i);
        }
        scheduled.get(0).run();

        assertThat(received).hasSize(10);
        assertThat(batcher.dropped()).isEqualTo(15);
    }

    @Test
    void anItemOfferedAfterADrainSchedulesTheNextOne() {
        List<Runnable> scheduled = new ArrayList<>();
        List<Integer> received = new ArrayList<>();
        FxBatcher<Integer> batcher = new FxBatcher<>(scheduled::add, 10, received::addAll);

        batcher.offer(1);
        scheduled.get(0).run();
        batcher.offer(2);
        assertThat(scheduled).hasSize(2);
        scheduled.get(1).run();

        assertThat(received).containsExactly(1, 2);
    }
}
