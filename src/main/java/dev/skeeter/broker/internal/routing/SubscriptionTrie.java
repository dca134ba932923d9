package dev.skeeter.broker.internal.routing;

import dev.skeeter.mqtt.Topics;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

/**
 * The broker's subscriptions: a trie keyed by topic levels, where '+' and '#' are children of their own beside the
 * literal levels, so a publish walks only the branches that can match it and its cost does not grow with the
 * number of unrelated subscriptions.
 *
 * <p>Thread-safe. {@link #match} takes no lock and may run on every Netty event loop at once, concurrently with
 * {@link #subscribe}/{@link #unsubscribe} from any thread; a match running during a change may or may not see it.
 * Changes are serialised per first topic level (striped locks): a change only touches nodes under one first-level
 * child of the root, so that is the unit that must not be pruned by one thread while another adds beneath it.
 *
 * <p>Subscribers are map keys: {@code S} needs stable {@code equals}/{@code hashCode} (a session object with
 * identity equality, or a client id).
 *
 * @param <S> the subscriber, typically the broker's session
 */
public final class SubscriptionTrie<S> {
    /** One per routing thread, shared by all tries (several brokers may run in one JVM). */
    private static final ThreadLocal<MatchCollector> COLLECTORS = ThreadLocal.withInitial(MatchCollector::new);

    private final Node root = new Node(null, "", true);
    private final StripedLocks locks = new StripedLocks();
    private final AtomicInteger subscriptionCount = new AtomicInteger();

    /**
     * Adds or replaces the subscription of {@code subscriber} to {@code filter}.
     *
     * @return the previous QoS of this (filter, subscriber) pair, or -1 if it is new
     * @throws dev.skeeter.mqtt.InvalidTopicException if the filter breaks the rules of section 4.7
     * @throws IllegalArgumentException if qos is not 0, 1 or 2
     */
    public int subscribe(String filter, S subscriber, int qos) {
        Topics.validateTopicFilter(filter);
        Objects.requireNonNull(subscriber, "subscriber");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, was " + qos);
        }
        synchronized (locks.forFirstLevel(filter)) {
            Node node = root;
            int start = 0;
            while (start <= filter.length()) {
                int end = Topics.levelEnd(filter, start);
                node = node.childForUpdate(filter.substring(start, end));
                start = end + 1;
            }
            int previous = Subscribers.qosOf(node.subscribers, subscriber);
            node.subscribers = Subscribers.with(node.subscribers, subscriber, qos);
            if (previous < 0) {
                subscriptionCount.incrementAndGet();
            }
            return previous;
        }
    }

    /**
     * Removes the subscription of {@code subscriber} to exactly {@code filter} (no wildcard matching: the filter is
     * compared as written), pruning nodes left empty.
     *
     * @return whether there was such a subscription
     */
    public boolean unsubscribe(String filter, S subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (filter == null || filter.isEmpty()) {
            return false;
        }
        synchronized (locks.forFirstLevel(filter)) {
            Node node = root;
            int start = 0;
            while (start <= filter.length() && node != null) {
                int end = Topics.levelEnd(filter, start);
                node = node.existingChild(filter.substring(start, end));
                start = end + 1;
            }
            if (node == null || Subscribers.qosOf(node.subscribers, subscriber) < 0) {
                return false;
            }
            node.subscribers = Subscribers.without(node.subscribers, subscriber);
            subscriptionCount.decrementAndGet();
            prune(node);
            return true;
        }
    }

    /**
     * Calls {@code visitor} once for every subscriber with a filter matching {@code topicName}, with the highest QoS
     * among its matching filters [MQTT-3.3.5-1]. First-level wildcards do not match topics starting with '$'
     * [MQTT-4.7.2-1]; "sport/#" also matches "sport".
     *
     * <p>The visitor runs on the calling thread before this method returns; it may route again (a nested match
     * gets its own scratch space), and an exception from it ends the match and propagates. It is an
     * {@link ObjIntConsumer} so the QoS arrives unboxed. The common cases (one matching filter, or a few overlapping
     * ones) allocate nothing here.
     *
     * @param topicName a valid topic name (the caller validated it; this method does not re-check)
     */
    public void match(String topicName, ObjIntConsumer<S> visitor) {
        MatchCollector collector = COLLECTORS.get();
        if (collector.busy) {
            // A visitor that publishes again on this thread: give the nested match its own collector.
            collector = new MatchCollector();
        }
        collector.busy = true;
        try {
            collect(topicName, collector);
            collector.deliver(visitor);
        } finally {
            collector.reset();
        }
    }

    /** The number of (filter, subscriber) pairs. */
    public int subscriptionCount() {
        return subscriptionCount.get();
    }

    /** Trie nodes below the root, for tests that check pruning. Walks the whole trie. */
    int nodeCount() {
        return root.countDescendants();
    }

    /**
     * Walks the branches that can match {@code topic}, handing the subscriber sets of matching nodes to the
     * collector. Iterative with the collector's stack: a topic may have 32768 levels, too deep to recurse.
     */
    private void collect(String topic, MatchCollector collector) {
        collector.push(root, 0);
        int length = topic.length();
        // [MQTT-4.7.2-1] filters starting with a wildcard never match topic names starting with '$'.
        boolean dollarTopic = Topics.isDollarTopic(topic);
        while (collector.hasPending()) {
            int start = collector.pendingStart();
            Node node = (Node) collector.pop();
            if (start > length) {
                collector.add(node.subscribers);
                Node hash = node.hash;
                if (hash != null) {
                    // '#' also matches the parent level: "sport/#" matches "sport".
                    collector.add(hash.subscribers);
                }
                continue;
            }
            int end = Topics.levelEnd(topic, start);
            if (start != 0 || !dollarTopic) {
                Node hash = node.hash;
                if (hash != null) {
                    collector.add(hash.subscribers);
                }
                Node plus = node.plus;
                if (plus != null) {
                    collector.push(plus, end + 1);
                }
            }
            Node child = (Node) node.child(collector.levelKey.of(topic, start, end));
            if (child != null) {
                collector.push(child, end + 1);
            }
        }
    }

    /** Detaches empty nodes from {@code node} upwards. Caller holds the stripe lock of the node's branch. */
    private void prune(Node node) {
        while (node != root && node.isEmpty()) {
            Node parent = node.parent;
            parent.detach(node);
            node = parent;
        }
    }

    /**
     * One level of the trie: literal children in {@link TrieNode}, '+' and '#' beside them. Fields are volatile so
     * lock-free readers see fully built nodes; they are written only under the stripe lock of the branch.
     */
    private static final class Node extends TrieNode {
        final Node parent;
        volatile Node plus;
        volatile Node hash;
        volatile Object subscribers; // see Subscribers

        Node(Node parent, String level, boolean sharedByStripes) {
            super(level, sharedByStripes);
            this.parent = parent;
        }

        Node childForUpdate(String level) {
            switch (level) {
                case "+" -> {
                    if (plus == null) {
                        plus = new Node(this, level, false);
                    }
                    return plus;
                }
                case "#" -> {
                    if (hash == null) {
                        hash = new Node(this, level, false);
                    }
                    return hash;
                }
                default -> {
                    Node child = (Node) child(level);
                    if (child == null) {
                        child = new Node(this, level, false);
                        addChild(child);
                    }
                    return child;
                }
            }
        }

        Node existingChild(String level) {
            return switch (level) {
                case "+" -> plus;
                case "#" -> hash;
                default -> (Node) child(level);
            };
        }

        void detach(Node child) {
            switch (child.level) {
                case "+" -> plus = null;
                case "#" -> hash = null;
                default -> removeChild(child);
            }
        }

        boolean isEmpty() {
            return subscribers == null && plus == null && hash == null && !hasChildren();
        }

        /** Iterative: a trie may be tens of thousands of levels deep. */
        int countDescendants() {
            int count = 0;
            var pending = new ArrayDeque<Node>();
            pending.push(this);
            while (!pending.isEmpty()) {
                Node node = pending.pop();
                Node plusChild = node.plus;
                Node hashChild = node.hash;
                if (plusChild != null) {
                    pending.push(plusChild);
                }
                if (hashChild != null) {
                    pending.push(hashChild);
                }
                for (TrieNode child : node.childrenSnapshot()) {
                    pending.push((Node) child);
                }
                if (node != this) {
                    count++;
                }
            }
            return count;
        }
    }
}
