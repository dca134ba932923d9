package dev.skeeter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceiveTrackerTest {
    private final Timeline timeline = new Timeline(0, 1_000, 2_000);
    private final ReceiveTracker tracker = new ReceiveTracker(timeline, 2);

    @Test
    void countsDistinctMeasuredMessagesAndTheirLatency() {
        tracker.onMessage(0, 0, 1_000, true, 1_500);
        tracker.onMessage(1, 0, 1_100, true, 1_300);

        ReceiveTracker.Snapshot snapshot = tracker.snapshot();
        assertThat(snapshot.received()).isEqualTo(2);
        assertThat(snapshot.latencyNanos().getTotalCount()).isEqualTo(2);
        assertThat(snapshot.latencyNanos().getMaxValue()).isBetween(499L, 501L);
    }

    @Test
    void everyArrivalCountsAsProgressWarmUpIncluded() {
        tracker.onMessage(0, 0, 100, false, 200);
        tracker.onMessage(0, 1, 100, false, 300);
        tracker.onMessage(1, 0, 1_100, true, 1_300);

        assertThat(tracker.arrivals()).isEqualTo(3);
        assertThat(tracker.received()).isEqualTo(1);
    }

    @Test
    void aRepeatedSequenceNumberIsADuplicateNotASecondDelivery() {
        tracker.onMessage(0, 5, 1_000, true, 1_200);
        tracker.onMessage(0, 5, 1_000, true, 1_300);

        assertThat(tracker.snapshot().received()).isEqualTo(1);
        assertThat(tracker.snapshot().duplicates()).isEqualTo(1);
    }

    @Test
    void aMessageArrivingAfterALaterOneFromTheSamePublisherIsOutOfOrder() {
        tracker.onMessage(0, 2, 1_000, true, 1_200);
        tracker.onMessage(1, 0, 1_000, true, 1_200);
        tracker.onMessage(0, 1, 1_000, true, 1_300);

        assertThat(tracker.snapshot().outOfOrder()).isEqualTo(1);
        assertThat(tracker.snapshot().received()).isEqualTo(3);
    }

    @Test
    void warmUpMessagesAreNotCountedAndOnlyArrivalsInsideTheWindowCountForThroughput() {
        tracker.onMessage(0, 0, 100, false, 900);
        tracker.onMessage(0, 1, 1_900, true, 1_950);
        tracker.onMessage(0, 2, 1_950, true, 2_100);

        ReceiveTracker.Snapshot snapshot = tracker.snapshot();
        assertThat(snapshot.received()).isEqualTo(2);
        assertThat(snapshot.arrivalsInWindow()).isEqualTo(1);
    }

    @Test
    void messagesFromUnknownPublishersAreSetAside() {
        tracker.onMessage(7, 0, 1_000, true, 1_200);

        assertThat(tracker.snapshot().received()).isZero();
        assertThat(tracker.snapshot().foreign()).isEqualTo(1);
    }
}
