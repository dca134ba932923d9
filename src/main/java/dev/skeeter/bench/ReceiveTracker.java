package dev.skeeter.bench;

import java.util.BitSet;
import org.HdrHistogram.Histogram;

/**
 * Accounts the bench messages one connection receives: distinct measured messages, duplicates, messages that
 * arrive after a later one from the same publisher, arrivals inside the measured window, and latency.
 * Thread-confined to the connection's event loop, except {@link #received()} and {@link #arrivals()}, which any
 * thread may poll.
 */
final class ReceiveTracker {
    private final Timeline timeline;
    private final BitSet[] seen;
    private final long[] highest;
    private final Histogram latencyNanos = new Histogram(3);
    private volatile long received;
    private volatile long arrivals;
    private long duplicates;
    private long outOfOrder;
    private long arrivalsInWindow;
    private long foreign;

    ReceiveTracker(Timeline timeline, int publishers) {
        this.timeline = timeline;
        this.seen = new BitSet[publishers];
        this.highest = new long[publishers];
        for (int i = 0; i < publishers; i++) {
            seen[i] = new BitSet();
            highest[i] = -1;
        }
    }

    void onMessage(int publisherId, long sequence, long sentNanos, boolean measured, long nowNanos) {
        arrivals++; // written on the event loop only, so the non-atomic increment is safe
        if (publisherId < 0 || publisherId >= seen.length || sequence < 0 || sequence > Integer.MAX_VALUE) {
            foreign++;
            return;
        }
        if (timeline.inWindow(nowNanos)) {
            arrivalsInWindow++;
        }
        boolean late = sequence < highest[publisherId];
        highest[publisherId] = Math.max(highest[publisherId], sequence);
        if (!measured) {
            return;
        }
        BitSet bits = seen[publisherId];
        if (bits.get((int) sequence)) {
            duplicates++;
            return;
        }
        bits.set((int) sequence);
        received++;
        if (late) {
            outOfOrder++;
        }
        latencyNanos.recordValue(Math.max(0, nowNanos - sentNanos));
    }

    long received() {
        return received;
    }

    /** Every message received, warm-up, duplicates and foreign ones included: the sign that a broker progresses. */
    long arrivals() {
        return arrivals;
    }

    /** A copy of the counts, to be taken on the event loop. */
    Snapshot snapshot() {
        return new Snapshot(received, duplicates, outOfOrder, arrivalsInWindow, foreign, latencyNanos.copy());
    }

    record Snapshot(long received, long duplicates, long outOfOrder, long arrivalsInWindow, long foreign,
                    Histogram latencyNanos) {
    }
}
