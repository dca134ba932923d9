package dev.skeeter.broker.internal.routing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Per-thread scratch space of {@link SubscriptionTrie#match}: the subscriber sets of the matching trie nodes, then
 * each subscriber once with its highest QoS [MQTT-3.3.5-1]. Reused across matches so routing a publish allocates
 * nothing in the common cases: one matching node is visited directly, a few overlapping ones are merged in small
 * arrays, and only large overlaps fall back to a hash map.
 *
 * <p>Thread-confined: each routing thread owns one (through a ThreadLocal), {@link #busy} guards re-entry.
 */
final class MatchCollector implements ObjIntConsumer<Object> {
    /** Up to this many matching entries a linear search is cheaper than hashing. */
    private static final int LINEAR_LIMIT = 32;
    /** A merge map grown past this is dropped rather than kept (clear() costs its capacity every time). */
    private static final int KEEP_MAP_LIMIT = 1024;

    boolean busy;
    final LevelKey levelKey = new LevelKey();
    private Object[] pendingNodes = new Object[16];
    private int[] pendingStarts = new int[16];
    private int pendingCount;
    private Object[] sets = new Object[8];
    private int setCount;

    private Object[] mergedSubscribers = new Object[LINEAR_LIMIT];
    private int[] mergedQos = new int[LINEAR_LIMIT];
    private int[] mergedHashes = new int[LINEAR_LIMIT];
    private int mergedCount;
    private Map<Object, Integer> mergedMap;
    private boolean useMap;

    /** Stack of trie nodes still to visit, each with the index in the topic where its level starts. */
    void push(Object node, int start) {
        if (pendingCount == pendingNodes.length) {
            pendingNodes = Arrays.copyOf(pendingNodes, pendingCount * 2);
            pendingStarts = Arrays.copyOf(pendingStarts, pendingCount * 2);
        }
        pendingNodes[pendingCount] = node;
        pendingStarts[pendingCount] = start;
        pendingCount++;
    }

    boolean hasPending() {
        return pendingCount > 0;
    }

    /** The start of the node on top of the stack; read it before {@link #pop()}. */
    int pendingStart() {
        return pendingStarts[pendingCount - 1];
    }

    Object pop() {
        Object node = pendingNodes[--pendingCount];
        pendingNodes[pendingCount] = null;
        return node;
    }

    void add(Object subscriberSet) {
        if (subscriberSet == null) {
            return;
        }
        if (setCount == sets.length) {
            sets = Arrays.copyOf(sets, setCount * 2);
        }
        sets[setCount++] = subscriberSet;
    }

    @SuppressWarnings("unchecked")
    <S> void deliver(ObjIntConsumer<S> visitor) {
        if (setCount == 0) {
            return;
        }
        if (setCount == 1) {
            // One matching node: its subscribers are already unique.
            Subscribers.forEach(sets[0], visitor);
            return;
        }
        int total = 0;
        for (int i = 0; i < setCount; i++) {
            total += Subscribers.size(sets[i]);
        }
        useMap = total > LINEAR_LIMIT;
        if (useMap && mergedMap == null) {
            mergedMap = new HashMap<>(Math.max(16, total * 2));
        }
        for (int i = 0; i < setCount; i++) {
            Subscribers.forEach(sets[i], this);
        }
        if (useMap) {
            for (Map.Entry<Object, Integer> e : mergedMap.entrySet()) {
                visitor.accept((S) e.getKey(), e.getValue());
            }
        } else {
            for (int i = 0; i < mergedCount; i++) {
                visitor.accept((S) mergedSubscribers[i], mergedQos[i]);
            }
        }
    }

    /** Merge step: keeps the highest QoS per subscriber. */
    @Override
    public void accept(Object subscriber, int qos) {
        if (useMap) {
            mergedMap.merge(subscriber, qos, Math::max);
            return;
        }
        int hash = subscriber.hashCode(); // compared first: equals on distinct subscribers is the costly part
        for (int i = 0; i < mergedCount; i++) {
            if (mergedHashes[i] == hash && mergedSubscribers[i].equals(subscriber)) {
                if (qos > mergedQos[i]) {
                    mergedQos[i] = qos;
                }
                return;
            }
        }
        if (mergedCount == mergedSubscribers.length) {
            // A concurrent subscribe grew a set after it was sized; rare, so just grow.
            mergedSubscribers = Arrays.copyOf(mergedSubscribers, mergedCount * 2);
            mergedQos = Arrays.copyOf(mergedQos, mergedCount * 2);
            mergedHashes = Arrays.copyOf(mergedHashes, mergedCount * 2);
        }
        mergedHashes[mergedCount] = hash;
        mergedSubscribers[mergedCount] = subscriber;
        mergedQos[mergedCount] = qos;
        mergedCount++;
    }

    /** Forgets everything (no references kept to subscribers) and frees the collector for the next match. */
    void reset() {
        levelKey.clear();
        Arrays.fill(pendingNodes, 0, pendingCount, null);
        pendingCount = 0;
        Arrays.fill(sets, 0, setCount, null);
        setCount = 0;
        Arrays.fill(mergedSubscribers, 0, mergedCount, null);
        mergedCount = 0;
        if (mergedMap != null) {
            if (mergedMap.size() > KEEP_MAP_LIMIT) {
                mergedMap = null;
            } else {
                mergedMap.clear();
            }
        }
        useMap = false;
        busy = false;
    }
}
