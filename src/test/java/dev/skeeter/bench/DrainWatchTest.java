package dev.skeeter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the bench stops waiting for messages after its window, on a made-up clock. */
class DrainWatchTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long DEADLINE = 10_000 * MS;

    @Test
    void warmUpArrivalsAreProgressThoughNoMeasuredMessageComes() {
        DrainWatch watch = new DrainWatch(DEADLINE, 0);
        // A broker working through its warm-up backlog for 5 s: no measured message yet, but arrivals every 100 ms.
        for (long t = 0; t <= 5_000; t += 100) {
            assertThat(watch.waitMore(t * MS, 1_000, 0, t)).as("at %d ms", t).isTrue();
        }
        // Then the measured ones come.
        assertThat(watch.waitMore(5_100 * MS, 1_000, 400, 5_500)).isTrue();
        assertThat(watch.waitMore(5_200 * MS, 1_000, 1_000, 6_100)).as("all arrived").isFalse();
    }

    @Test
    void atQos0ASecondWithoutAnyArrivalEndsTheWait() {
        DrainWatch watch = new DrainWatch(DEADLINE, 0);
        assertThat(watch.waitMore(0, 1_000, 10, 50)).isTrue();
        assertThat(watch.waitMore(900 * MS, 1_000, 10, 50)).isTrue();
        assertThat(watch.waitMore(1_000 * MS, 1_000, 10, 50)).isTrue();
        assertThat(watch.waitMore(1_001 * MS, 1_000, 10, 50)).as("quiet for over a second").isFalse();
    }

    @Test
    void atQos1QuietIsNoSignOfLossSoItWaitsForTheDeadline() {
        DrainWatch watch = new DrainWatch(DEADLINE, 1);
        assertThat(watch.waitMore(0, 1_000, 10, 50)).isTrue();
        assertThat(watch.waitMore(9_999 * MS, 1_000, 10, 50)).isTrue();
        assertThat(watch.waitMore(DEADLINE, 1_000, 10, 50)).as("deadline").isFalse();
    }

    @Test
    void theDeadlineEndsTheWaitEvenWhileMessagesArrive() {
        DrainWatch watch = new DrainWatch(DEADLINE, 0);
        assertThat(watch.waitMore(DEADLINE - MS, 1_000, 10, 50)).isTrue();
        assertThat(watch.waitMore(DEADLINE, 1_000, 11, 51)).isFalse();
    }
}
