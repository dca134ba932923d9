package dev.skeeter.broker.internal.routing;

import dev.skeeter.mqtt.Topics;

/**
 * The locks that serialise changes to a topic trie, one stripe per group of first topic levels. A change to a topic
 * or filter only touches nodes below its first-level child of the root, so changes under different first levels
 * may run in parallel, while two changes under the same first level (say, a prune racing with an insert beneath the
 * pruned node) never do. Thread-safe and immutable.
 */
final class StripedLocks {
    private static final int STRIPES = 32; // power of two

    private final Object[] locks = new Object[STRIPES];

    StripedLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The lock guarding the branch of {@code topic}'s first level. */
    Object forFirstLevel(String topic) {
        int end = Topics.levelEnd(topic, 0);
        int h = 0;
        for (int i = 0; i < end; i++) {
            h = 31 * h + topic.charAt(i);
        }
        h ^= h >>> 16;
        return locks[h & (STRIPES - 1)];
    }
}
