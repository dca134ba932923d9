package dev.skeeter.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxBatcherTest {
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
