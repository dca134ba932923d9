package dev.skeeter.broker.internal.routing;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A level of a topic trie with its literal children, shared by {@link SubscriptionTrie} and {@link RetainedStore}.
 *
 * <p>Most nodes have one child or a few, and a hash map per node would cost more memory than the rest of the node
 * together, so children live in a small immutable array that is replaced as a whole on change (copy-on-write) and
 * scanned lock-free by readers. Past {@link #SMALL_LIMIT} children a node switches to a {@link ConcurrentHashMap}.
 * The root, whose children several stripe locks change at once, always uses the map: an array there would lose
 * concurrent updates.
 *
 * <p>Thread-safety: reads are lock-free; {@link #addChild}/{@link #removeChild} must be called under the stripe lock
 * that guards this node's branch.
 */
abstract class TrieNode {
    static final int SMALL_LIMIT = 8;
    private static final TrieNode[] NONE = new TrieNode[0];

    final String level;
    private final boolean sharedByStripes;
    /** {@code null}, an immutable non-empty {@code TrieNode[]} or a {@code ConcurrentHashMap<String, TrieNode>}. */
    private volatile Object children;

    TrieNode(String level, boolean sharedByStripes) {
        this.level = level;
        this.sharedByStripes = sharedByStripes;
        this.children = sharedByStripes ? new ConcurrentHashMap<String, TrieNode>() : null;
    }

    /** The literal child for the level {@code key} stands for, or null. Lock-free. */
    final TrieNode child(LevelKey key) {
        Object table = children;
        if (table instanceof TrieNode[] small) {
            int hash = key.hashCode();
            for (TrieNode child : small) {
                if (child.level.hashCode() == hash && key.equals(child.level)) {
                    return child;
                }
            }
            return null;
        }
        return table == null ? null : asMap(table).get(key);
    }

    /** The literal child {@code level}, or null. Lock-free. */
    final TrieNode child(String level) {
        Object table = children;
        if (table instanceof TrieNode[] small) {
            for (TrieNode child : small) {
                if (child.level.equals(level)) {
                    return child;
                }
            }
            return null;
        }
        return table == null ? null : asMap(table).get(level);
    }

    /** Adds a child whose level is not yet present. Caller holds the stripe lock. */
    final void addChild(TrieNode child) {
        Object table = children;
        if (table == null) {
            children = new TrieNode[] {child};
        } else if (table instanceof TrieNode[] small) {
            if (small.length < SMALL_LIMIT) {
                TrieNode[] grown = Arrays.copyOf(small, small.length + 1);
                grown[small.length] = child;
                children = grown;
            } else {
                var map = new ConcurrentHashMap<String, TrieNode>(4 * SMALL_LIMIT);
                for (TrieNode existing : small) {
                    map.put(existing.level, existing);
                }
                map.put(child.level, child);
                children = map;
            }
        } else {
            asMap(table).putIfAbsent(child.level, child);
        }
    }

    /** Removes {@code child} if it is still this node's child. Caller holds the stripe lock. */
    final void removeChild(TrieNode child) {
        Object table = children;
        if (table instanceof TrieNode[] small) {
            int i = Arrays.asList(small).indexOf(child);
            if (i < 0) {
                return;
            }
            if (small.length == 1) {
                children = null;
                return;
            }
            TrieNode[] shrunk = new TrieNode[small.length - 1];
            System.arraycopy(small, 0, shrunk, 0, i);
            System.arraycopy(small, i + 1, shrunk, i, small.length - i - 1);
            children = shrunk;
        } else if (table != null) {
            var map = asMap(table);
            map.remove(child.level, child);
            // A map stays a map until empty (no flapping between shapes); the root's map stays for good.
            if (!sharedByStripes && map.isEmpty()) {
                children = null;
            }
        }
    }

    final boolean hasChildren() {
        Object table = children;
        return table instanceof TrieNode[] || (table != null && !asMap(table).isEmpty());
    }

    /** The literal children as an array, for tests and counting. */
    final TrieNode[] childrenSnapshot() {
        Object table = children;
        if (table instanceof TrieNode[] small) {
            return small;
        }
        return table == null ? NONE : asMap(table).values().toArray(NONE);
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentHashMap<Object, TrieNode> asMap(Object table) {
        return (ConcurrentHashMap<Object, TrieNode>) table;
    }
}
