package dev.skeeter.broker.internal.session;

import java.time.Duration;

/**
 * Per-session limits: the in-flight window, the queue bound behind it (0 = none), and the back-pressure marks.
 * Above {@code highWater} waiting messages a session's publishers pause; below {@code lowWater} they resume; a
 * congested session that makes no progress for {@code stallTimeout} no longer holds them back. Mosquitto's
 * {@code max_queued_bytes} bounds the queued payload bytes as well (0 = none), {@code queue_qos0_messages} keeps
 * QoS 0 messages for offline persistent sessions, and {@code persistent_client_expiration} ends a persistent
 * session whose client stayed away that long (0 = never).
 */
public record QueueLimits(int maxInflight, int maxQueued, int highWater, int lowWater, long stallTimeoutNanos,
                          long maxQueuedBytes, boolean queueQos0, long expiryNanos) {
    /**
     * How far QoS 1 and 2 messages for a connected, progressing subscriber may exceed the queue bound before they
     * are dropped: back-pressure stops publishers near the high-water mark, but what they had already sent still
     * arrives (at most a socket read per publisher), and those messages were acknowledged.
     */
    static final int ACKNOWLEDGED_OVERSHOOT = 65_536;

    /** High-water mark when the queue bound leaves room for it: a few milliseconds of a fast subscriber. */
    static final int DEFAULT_HIGH_WATER = 2_048;

    /** Marks derived from the queue bound: at most half of it, so a paused publisher's last read still fits. */
    public static QueueLimits of(int maxInflight, int maxQueued, Duration stallTimeout) {
        int high = maxQueued == 0 ? DEFAULT_HIGH_WATER : Math.max(1, Math.min(DEFAULT_HIGH_WATER, maxQueued / 2));
        return new QueueLimits(maxInflight, maxQueued, high, high / 2, stallTimeout.toNanos(), 0, false, 0);
    }

    /** These limits with mosquitto's queueing options. {@code expiry} null means never. */
    public QueueLimits withQueueing(long bytes, boolean qos0, Duration expiry) {
        return new QueueLimits(maxInflight, maxQueued, highWater, lowWater, stallTimeoutNanos, bytes, qos0,
                expiry == null ? 0 : expiry.toNanos());
    }

    /**
     * Whether a message of {@code bytes} may join a queue of {@code size} messages and {@code queuedBytes} bytes.
     * max_queued_bytes follows mosquitto: an empty queue takes any one message, beyond that the bytes must fit.
     */
    boolean admits(int size, long queuedBytes, long bytes, boolean acknowledged) {
        boolean fits = maxQueued == 0 || size < maxQueued || acknowledged && size < maxQueued + ACKNOWLEDGED_OVERSHOOT;
        return fits && (maxQueuedBytes == 0 || size == 0 || queuedBytes + bytes <= maxQueuedBytes);
    }
}
