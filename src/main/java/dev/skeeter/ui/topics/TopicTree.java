package dev.skeeter.ui.topics;

import dev.skeeter.client.ReceivedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every topic a workspace received, one node per level, with counts, the last payloads and the retained marker.
 * Bounded: at most {@link #maxNodes()} nodes (a message whose topic would need more is not kept, and counted) and
 * {@link #historyPerNode()} payloads per topic. Plain JDK, not thread-safe: one thread applies batches and reads
 * (the FX thread in the app, fed by a paced batcher).
 */
public final class TopicTree {
    public static final int DEFAULT_MAX_NODES = 150_000;
    public static final int DEFAULT_HISTORY = 10;

    private final TopicNode root = new TopicNode(null, "", "");
    private int nodes;
    private int maxNodes;
    private int historyPerNode;
    private long messages;
    private long notKept;

    public TopicTree() {
        this(DEFAULT_MAX_NODES, DEFAULT_HISTORY);
    }

    public TopicTree(int maxNodes, int historyPerNode) {
        setMaxNodes(maxNodes);
        setHistoryPerNode(historyPerNode);
    }


    /**
     * Takes messages in arrival order. A message whose topic needs more new nodes than the cap leaves room for is
     * not kept (see {@link #notKept()}); nothing of it is counted in the tree. Returns the nodes created, each
     * after its parent.
     */
    public List<TopicNode> apply(List<ReceivedMessage> batch, long nowNanos) {
        List<TopicNode> created = new ArrayList<>();
        for (ReceivedMessage m : batch) {
            TopicNode node = nodeFor(m.topic(), created);
            if (node == null) {
                notKept++;
                continue;
            }
            messages++;
            node.receive(m, historyPerNode, nowNanos);
            for (TopicNode n = node; n != null; n = n.parent()) {
                n.countBelow();
            }
        }
        return created;
    }

    /** The node of {@code topic}, created with its missing levels when the cap allows; null when it does not. */
    private TopicNode nodeFor(String topic, List<TopicNode> created) {
        TopicNode node = root;
        int start = 0;
        while (true) {
            int slash = topic.indexOf('/', start);
            String level = slash < 0 ? topic.substring(start) : topic.substring(start, slash);
            TopicNode child = node.child(level);
            if (child == null) {
                if (nodes + levelsFrom(topic, start) > maxNodes) {
                    return null;
                }
                child = node.addChild(level);
                nodes++;
                created.add(child);
            }
            node = child;
            if (slash < 0) {
                return node;
            }
            start = slash + 1;
        }
    }

    private static int levelsFrom(String topic, int start) {
        int n = 1;
        for (int i = topic.indexOf('/', start); i >= 0; i = topic.indexOf('/', i + 1)) {
            n++;
        }
        return n;
    }

    /** The node of exactly {@code topic}, or null when it was never seen (or not kept). */
    public TopicNode find(String topic) {
        TopicNode node = root;
        for (String level : topic.split("/", -1)) {
            node = node.child(level);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    public TopicNode root() {
        return root;
    }

    /** Nodes in the tree (every level of every topic), the root not counted. */
    public int size() {
        return nodes;
    }

    /** Messages counted in the tree. */
    public long messages() {
        return messages;
    }

    /** Messages not kept because their topic would have grown the tree beyond {@link #maxNodes()}. */
    public long notKept() {
        return notKept;
    }

    public int maxNodes() {
        return maxNodes;
    }

    /** A lower cap keeps the nodes already there and takes no new ones until {@link #clear()}. */
    public void setMaxNodes(int maxNodes) {
        if (maxNodes < 1) {
            throw new IllegalArgumentException("The topic cap must be at least 1: " + maxNodes);
        }
        this.maxNodes = maxNodes;
    }

    public int historyPerNode() {
        return historyPerNode;
    }

    /** Applies at once: longer histories are cut to the new length. */
    public void setHistoryPerNode(int historyPerNode) {
        if (historyPerNode < 1) {
            throw new IllegalArgumentException("The history length must be at least 1: " + historyPerNode);
        }
        boolean shorter = historyPerNode < this.historyPerNode;
        this.historyPerNode = historyPerNode;
        if (shorter) {
            forEach(root, n -> n.trimHistory(historyPerNode));
        }
    }

    /** Forgets everything; the counters start again from zero. */
    public void clear() {
        root.removeChildren();
        nodes = 0;
        messages = 0;
        notKept = 0;
    }

    /** Every node below {@code from} (itself included), parents before children, unsorted. */
    public void forEach(TopicNode from, Consumer<TopicNode> action) {
        ArrayDeque<TopicNode> todo = new ArrayDeque<>();
        todo.push(from);
        while (!todo.isEmpty()) {
            TopicNode n = todo.pop();
            action.accept(n);
            for (TopicNode c : n.childrenUnsorted()) {
                todo.push(c);
            }
        }
    }

    /** Topics at or below {@code from} that hold a retained message as far as this tree knows. */
    public List<TopicNode> retainedUnder(TopicNode from) {
        List<TopicNode> found = new ArrayList<>();
        forEach(from, n -> {
            if (n.retained()) {
                found.add(n);
            }
        });
        found.sort(java.util.Comparator.comparing(TopicNode::topic));
        return found;
    }
}
