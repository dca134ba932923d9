package dev.skeeter.broker.internal.routing;

import dev.skeeter.mqtt.Topics;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The retained messages, one per topic, in a trie keyed by topic levels. Matching a filter walks only the branches
 * the filter can reach ('+' fans out over one node's children, '#' over one subtree), so a new subscription never
 * scans all retained topics.
 *
 * <p>Thread-safe. {@link #match} and {@link #get} take no lock and may run concurrently with {@link #put} and
 * {@link #remove}; changes are serialised per first topic level (striped locks), so pruning an empty branch cannot
 * race with a put beneath it.
 *
 * @param <M> the stored message (immutable: it is handed to many subscribers)
 */
public final class RetainedStore<M> {
    private final Node<M> root = new Node<>(null, "", true);
    private final StripedLocks locks = new StripedLocks();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final ToLongFunction<M> sizeOf;

    /** A store whose {@link #bytes} stay 0. */
    public RetainedStore() {
        this(m -> 0);
    }

    /** @param sizeOf the bytes one message counts for in {@link #bytes} (the payload, for the broker) */
    public RetainedStore(ToLongFunction<M> sizeOf) {
        this.sizeOf = sizeOf;
    }

    /**
     * Stores {@code message} as the retained message of {@code topic}, replacing any previous one. An empty retained
     * PUBLISH means "remove" in MQTT; that is the caller's decision ({@link #remove}), not this store's.
     *
     * @param topic a valid topic name (not re-checked here)
     */
    public void put(String topic, M message) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        synchronized (locks.forFirstLevel(topic)) {
            Node<M> node = root;
            int start = 0;
            while (start <= topic.length()) {
                int end = Topics.levelEnd(topic, start);
                node = node.childForUpdate(topic.substring(start, end));
                start = end + 1;
            }
            if (node.entry == null) {
                size.incrementAndGet();
            } else {
                bytes.addAndGet(-sizeOf.applyAsLong(node.entry.message));
            }
            bytes.addAndGet(sizeOf.applyAsLong(message));
            node.entry = new Entry<>(topic, message);
        }
    }

    /**
     * Deletes the retained message of {@code topic}, pruning nodes left empty.
     *
     * @return whether there was one
     */
    public boolean remove(String topic) {
        Objects.requireNonNull(topic, "topic");
        synchronized (locks.forFirstLevel(topic)) {
            Node<M> node = find(topic);
            if (node == null || node.entry == null) {
                return false;
            }
            bytes.addAndGet(-sizeOf.applyAsLong(node.entry.message));
            node.entry = null;
            size.decrementAndGet();
            while (node != root && node.isEmpty()) {
                node.parent.removeChild(node);
                node = node.parent;
            }
            return true;
        }
    }

    /** The retained message of exactly {@code topic}, or null. */
    public M get(String topic) {
        Node<M> node = find(topic);
        Entry<M> entry = node == null ? null : node.entry;
        return entry == null ? null : entry.message;
    }

    /**
     * Calls {@code visitor} with the topic and message of every retained message whose topic matches the (valid)
     * {@code topicFilter}, on the calling thread. A filter starting with '+' or '#' does not return topics starting
     * with '$' [MQTT-4.7.2-1]; "sport/#" also returns "sport". The order is unspecified.
     */
    @SuppressWarnings("unchecked") // children of a Node<M> are Node<M>
    public void match(String topicFilter, BiConsumer<String, M> visitor) {
        int length = topicFilter.length();
        var pendingNodes = new ArrayDeque<Node<M>>();
        var pendingStarts = new ArrayDeque<Integer>();
        var key = new LevelKey();
        pendingNodes.push(root);
        pendingStarts.push(0);
        while (!pendingNodes.isEmpty()) {
            Node<M> node = pendingNodes.pop();
            int start = pendingStarts.pop();
            if (start > length) {
                visit(node, visitor);
                continue;
            }
            int end = Topics.levelEnd(topicFilter, start);
            boolean atRoot = start == 0;
            if (end - start == 1 && topicFilter.charAt(start) == '#') {
                // '#' matches the parent level and everything below it.
                visit(node, visitor);
                visitSubtree(node, atRoot, visitor);
            } else if (end - start == 1 && topicFilter.charAt(start) == '+') {
                for (TrieNode child : node.childrenSnapshot()) {
                    // [MQTT-4.7.2-1] a '+' at the first level does not reach '$' topics.
                    if (!(atRoot && isDollarLevel(child))) {
                        pendingNodes.push((Node<M>) child);
                        pendingStarts.push(end + 1);
                    }
                }
            } else {
                Node<M> child = (Node<M>) node.child(key.of(topicFilter, start, end));
                if (child != null) {
                    pendingNodes.push(child);
                    pendingStarts.push(end + 1);
                }
            }
        }
    }

    /** The number of retained messages. */
    public int size() {
        return size.get();
    }

    /** The sum of the stored messages' sizes, as the constructor's {@code sizeOf} measures them. */
    public long bytes() {
        return bytes.get();
    }

    /** Trie nodes below the root, for tests that check pruning. Walks the whole trie. */
    int nodeCount() {
        int[] count = {-1};
        forEachInSubtree(root, false, node -> count[0]++);
        return count[0];
    }

    @SuppressWarnings("unchecked")
    private Node<M> find(String topic) {
        Node<M> node = root;
        var key = new LevelKey();
        int start = 0;
        while (start <= topic.length() && node != null) {
            int end = Topics.levelEnd(topic, start);
            node = (Node<M>) node.child(key.of(topic, start, end));
            start = end + 1;
        }
        return node;
    }

    private void visitSubtree(Node<M> top, boolean skipDollarChildren, BiConsumer<String, M> visitor) {
        forEachInSubtree(top, skipDollarChildren, node -> {
            if (node != top) {
                visit(node, visitor);
            }
        });
    }

    /** Iterative: topics may have tens of thousands of levels, too deep to recurse. */
    @SuppressWarnings("unchecked")
    private static <M> void forEachInSubtree(Node<M> top, boolean skipDollarChildren,
            Consumer<Node<M>> action) {
        var pending = new ArrayDeque<Node<M>>();
        pending.push(top);
        while (!pending.isEmpty()) {
            Node<M> node = pending.pop();
            action.accept(node);
            for (TrieNode child : node.childrenSnapshot()) {
                // [MQTT-4.7.2-1] a '#' at the first level does not reach '$' topics.
                if (!(skipDollarChildren && node == top && isDollarLevel(child))) {
                    pending.push((Node<M>) child);
                }
            }
        }
    }

    private static boolean isDollarLevel(TrieNode node) {
        return Topics.isDollarTopic(node.level);
    }

    private static <M> void visit(Node<M> node, BiConsumer<String, M> visitor) {
        Entry<M> entry = node.entry;
        if (entry != null) {
            visitor.accept(entry.topic, entry.message);
        }
    }

    /** Topic and message published together, so a reader never sees one without the other. */
    private record Entry<M>(String topic, M message) {
    }

    /** One topic level; fields written only under the branch's stripe lock, read lock-free. */
    private static final class Node<M> extends TrieNode {
        final Node<M> parent;
        volatile Entry<M> entry;

        Node(Node<M> parent, String level, boolean sharedByStripes) {
            super(level, sharedByStripes);
            this.parent = parent;
        }

        @SuppressWarnings("unchecked")
        Node<M> childForUpdate(String level) {
            Node<M> child = (Node<M>) child(level);
            if (child == null) {
                child = new Node<>(this, level, false);
                addChild(child);
            }
            return child;
        }

        boolean isEmpty() {
            return entry == null && !hasChildren();
        }
    }
}
