package dev.skeeter.broker.internal.session;

import java.time.Duration;

/**
 * Per-session limits: the in-flight window, the queue bound behind it (0 = none), and the back-pressure marks.
 * Above {@code highWater} waiting messages a session's publishers pause; below {@code lowWater} they resume; a
 * congested session that makes no progress for {@code stallTimeout} no longer holds them back.
 */
public record QueueLimits(int maxInflight, int maxQueued, int highWater, int lowWater, long stallTimeoutNanos) {
    /** High-water mark when the queue bound leaves room for it: a few milliseconds of a fast subscriber. */
    static final int DEFAULT_HIGH_WATER = 2_048;

    /** Marks derived from the queue bound: at most half of it, so a paused publisher's last read still fits. */
    public static QueueLimits of(int maxInflight, int maxQueued, Duration stallTimeout) {
        int high = maxQueued == 0 ? DEFAULT_HIGH_WATER : Math.max(1, Math.min(DEFAULT_HIGH_WATER, maxQueued / 2));
        return new QueueLimits(maxInflight, maxQueued, high, high / 2, stallTimeout.toNanos());
    }
}
