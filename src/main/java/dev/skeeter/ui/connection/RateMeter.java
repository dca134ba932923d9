package dev.skeeter.ui.connection;

/**
 * Turns a growing counter into a per-second rate from samples taken about once a second. Not thread-safe: one
 * owner (the FX thread).
 */
public final class RateMeter {
    private long lastCount = -1;
    private long lastNanos;
    private double rate;

    /** Records the counter at a moment and answers the rate since the previous sample. */
    public double sample(long count, long nanos) {
        if (lastCount >= 0 && nanos > lastNanos) {
            long delta = Math.max(0, count - lastCount);
            rate = delta * 1_000_000_000.0 / (nanos - lastNanos);
        }
        lastCount = count;
        lastNanos = nanos;
        return rate;
    }

    public double rate() {
        return rate;
    }
}
