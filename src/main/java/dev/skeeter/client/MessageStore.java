package dev.skeeter.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The newest messages of one connection, bounded by a message count and by total payload bytes, whichever is
 * reached first (by default 100,000 messages or 256 MB). The oldest messages are evicted and counted, so
 * {@code received() == kept() + evicted()} always holds.
 *
 * <p>{@link #clear()} starts the counts over: received, kept, evicted and kept bytes all return to zero (the
 * connection's own lifetime counters are {@code MqttConnection.messagesIn()}), so the equation holds across a
 * clear too.
 *
 * <p>The newest message is always kept, even when its payload alone exceeds the byte limit, so the user can
 * see it: memory is bounded by the larger of the byte limit and one message (plus the per-message overhead of at
 * most {@code maxMessages} entries).
 *
 * <p>Thread-safe: one lock around an {@link ArrayDeque}; readers get copies. Adding is O(1) amortised.
 */
public final class MessageStore {
    public static final int DEFAULT_MAX_MESSAGES = 100_000;
    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 256L * 1024 * 1024;

    /** Counts taken together under the lock, so they are consistent with each other. */
    public record Stats(long received, int kept, long evicted, long keptBytes) {
    }

    private final Object lock = new Object();
    private final ArrayDeque<ReceivedMessage> messages = new ArrayDeque<>();
    private int maxMessages;
    private long maxPayloadBytes;
    private long received;
    private long evicted;
    private long keptBytes;

    public MessageStore() {
        this(DEFAULT_MAX_MESSAGES, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public MessageStore(int maxMessages, long maxPayloadBytes) {
        this.maxMessages = requirePositive(maxMessages, "maxMessages");
        this.maxPayloadBytes = requirePositive(maxPayloadBytes, "maxPayloadBytes");
    }

    public void add(ReceivedMessage message) {
        synchronized (lock) {
            messages.addLast(message);
            received++;
            keptBytes += message.payload().length;
            trim();
        }
    }

    /** Changes the message bound; shrinking evicts at once. */
    public void setMaxMessages(int max) {
        synchronized (lock) {
            maxMessages = requirePositive(max, "maxMessages");
            trim();
        }
    }

    /** Changes the payload-bytes bound; shrinking evicts at once. */
    public void setMaxPayloadBytes(long max) {
        synchronized (lock) {
            maxPayloadBytes = requirePositive(max, "maxPayloadBytes");
            trim();
        }
    }

    public int maxMessages() {
        synchronized (lock) {
            return maxMessages;
        }
    }

    public long maxPayloadBytes() {
        synchronized (lock) {
            return maxPayloadBytes;
        }
    }

    /** A copy of the kept messages, oldest first. */
    public List<ReceivedMessage> snapshot() {
        synchronized (lock) {
            return new ArrayList<>(messages);
        }
    }

    public Stats stats() {
        synchronized (lock) {
            return new Stats(received, messages.size(), evicted, keptBytes);
        }
    }

    public long received() {
        synchronized (lock) {
            return received;
        }
    }

    public int kept() {
        synchronized (lock) {
            return messages.size();
        }
    }

    public long evicted() {
        synchronized (lock) {
            return evicted;
        }
    }

    public long keptBytes() {
        synchronized (lock) {
            return keptBytes;
        }
    }

    /** Drops every message and starts the counts over (see the class comment). */
    public void clear() {
        synchronized (lock) {
            messages.clear();
            received = 0;
            evicted = 0;
            keptBytes = 0;
        }
    }

    private void trim() {
        while (messages.size() > maxMessages || (keptBytes > maxPayloadBytes && messages.size() > 1)) {
            ReceivedMessage oldest = messages.removeFirst();
            keptBytes -= oldest.payload().length;
            evicted++;
        }
    }

    private static int requirePositive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
        return v;
    }

    private static long requirePositive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
        return v;
    }
}
