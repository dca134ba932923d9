package dev.skeeter.bench;

import java.util.concurrent.TimeUnit;

/**
 * Decides how long a run waits, after its measured window, for messages still on their way. It stops when every
 * expected delivery has arrived or at the drain deadline; at QoS 0, where nothing is resent, also once no message at
 * all (warm-up or measured) has arrived for a second. Any arrival counts as progress: a broker still working through
 * a backlog of warm-up messages delivers the measured ones next. Not thread-safe: one coordinating thread polls it.
 */
final class DrainWatch {
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long deadline;
    private final boolean resent;
    private long lastArrivals = -1;
    private long lastProgress;

    /**
     * @param deadline the {@link System#nanoTime()} after which it stops waiting whatever happens
     * @param qos the QoS of the run: above 0 the broker resends, so quiet is no sign of loss
     */
    DrainWatch(long deadline, int qos) {
        this.deadline = deadline;
        this.resent = qos > 0;
    }

    /**
     * True while it is worth waiting longer.
     *
     * @param expected measured deliveries a lossless broker makes
     * @param received distinct measured deliveries so far
     * @param arrivals every bench message received so far, warm-up and duplicates included
     */
    boolean waitMore(long now, long expected, long received, long arrivals) {
        if (received >= expected || now - deadline >= 0) {
            return false;
        }
        if (arrivals != lastArrivals) {
            lastArrivals = arrivals;
            lastProgress = now;
            return true;
        }
        return resent || now - lastProgress <= QUIET_NANOS;
    }
}
