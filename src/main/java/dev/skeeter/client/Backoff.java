package dev.skeeter.client;

/**
 * Delays between reconnect attempts: 0.5 s, doubling up to 30 s, back to the start after a successful connect.
 * Not thread-safe: guarded by its connection's lock. (Paho 1.2.5 keeps its own delay in a static field shared by
 * every client, one reason we reconnect ourselves.)
 */
final class Backoff {
    static final long FIRST_MILLIS = 500;
    static final long MAX_MILLIS = 30_000;

    private long next = FIRST_MILLIS;

    long nextDelayMillis() {
        long delay = next;
        next = Math.min(MAX_MILLIS, next * 2);
        return delay;
    }

    void reset() {
        next = FIRST_MILLIS;
    }
}
