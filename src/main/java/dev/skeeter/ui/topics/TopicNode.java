package dev.skeeter.ui.topics;

import dev.skeeter.client.ReceivedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One level of the topic tree: its name, the full topic it stands for, the messages counted at it and below, and
 * the last payloads received on exactly this topic (newest last, bounded by the tree). Plain JDK; owned by one
 * {@link TopicTree} and confined to that tree's thread (the FX thread in the app).
 */
public final class TopicNode {
    /** Children sorted by name as MQTT users read them: plain string order, empty levels first. */
    public static final Comparator<TopicNode> BY_NAME = Comparator.comparing(TopicNode::name);

    private final TopicNode parent;
    private final String name;
    private final String topic;
    private Map<String, TopicNode> children;
    private final ArrayDeque<ReceivedMessage> history = new ArrayDeque<>(4);
    private long ownCount;
    private long totalCount;
    private boolean retained;
    private long changedNanos = Long.MIN_VALUE;

    TopicNode(TopicNode parent, String name, String topic) {
        this.parent = parent;
        this.name = name;
        this.topic = topic;
    }

    /** The level's name; empty for an empty level ({@code a//b}) and for the root. */
    public String name() {
        return name;
    }

    /** The full topic this node stands for; empty for the root. */
    public String topic() {
        return topic;
    }

    public TopicNode parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** Messages received on exactly this topic. */
    public long ownCount() {
        return ownCount;
    }

    /** Messages received on this topic and every topic below it. */
    public long totalCount() {
        return totalCount;
    }

    /** The broker held a retained message here when last heard of (delivered with the retain flag, not cleared). */
    public boolean retained() {
        return retained;
    }

    /** When the payload here last changed ({@link System#nanoTime()} scale), for a brief highlight. */
    public long changedNanos() {
        return changedNanos;
    }

    /** The newest message on exactly this topic; null for a level that only has topics below it. */
    public ReceivedMessage last() {
        return history.peekLast();
    }

    /** The message before {@link #last()}, or null. */
    public ReceivedMessage previous() {
        if (history.size() < 2) {
            return null;
        }
        var it = history.descendingIterator();
        it.next();
        return it.next();
    }

    /** The kept payloads of this topic, oldest first. */
    public List<ReceivedMessage> history() {
        return new ArrayList<>(history);
    }

    public boolean hasChildren() {
        return children != null && !children.isEmpty();
    }

    public int childCount() {
        return children == null ? 0 : children.size();
    }

    public TopicNode child(String level) {
        return children == null ? null : children.get(level);
    }

    /** The children, sorted by name (a copy). */
    public List<TopicNode> sortedChildren() {
        if (children == null) {
            return List.of();
        }
        List<TopicNode> sorted = new ArrayList<>(children.values());
        sorted.sort(BY_NAME);
        return sorted;
    }

    Collection<TopicNode> childrenUnsorted() {
        return children == null ? List.of() : children.values();
    }

    TopicNode addChild(String level) {
        if (children == null) {
            children = new HashMap<>(4);
        }
        TopicNode child = new TopicNode(this, level, isRoot() ? level : topic + "/" + level);
        children.put(level, child);
        return child;
    }

    /** Takes a message on exactly this topic; true when its payload differs from the previous one. */
    boolean receive(ReceivedMessage message, int historyLimit, long nowNanos) {
        ReceivedMessage before = history.peekLast();
        boolean changed = before == null || !java.util.Arrays.equals(before.payload(), message.payload());
        history.addLast(message);
        while (history.size() > Math.max(1, historyLimit)) {
            history.removeFirst();
        }
        ownCount++;
        if (message.retained()) {
            retained = message.payload().length > 0;
        } else if (message.payload().length == 0) {
            retained = false; // an empty payload is how a retained message is deleted
        }
        if (changed) {
            changedNanos = nowNanos;
        }
        return changed;
    }

    void removeChildren() {
        children = null;
    }

    void countBelow() {
        totalCount++;
    }

    void forgetRetained() {
        retained = false;
    }

    /** Drops the oldest payloads beyond {@code limit}; returns how many went. */
    int trimHistory(int limit) {
        int n = 0;
        while (history.size() > Math.max(1, limit)) {
            history.removeFirst();
            n++;
        }
        return n;
    }

    @Override
    public String toString() {
        return isRoot() ? "(root)" : topic;
    }
}
