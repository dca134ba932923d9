package dev.skeeter.ui.status;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything learnt from one connection's {@code $SYS} messages: the schema recognised, each node's values and
 * series, every topic for the raw view, and series the user asked to chart from the raw view. Plain JDK, so it is
 * tested without a screen. Not thread-safe: the FX thread owns it (messages reach it in batches).
 */
public final class SysModel {
    /** A topic beyond this many is counted but not kept (EMQX publishes one per client event). */
    public static final int MAX_TOPICS = 5_000;

    private final int capacity;
    private final Map<SysSchema, Integer> evidence = new EnumMap<>(SysSchema.class);
    private final Map<String, RawTopic> topics = new LinkedHashMap<>();
    private final Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    private final Map<String, TimeSeries> charted = new LinkedHashMap<>();
    private SysSchema schema = SysSchema.UNKNOWN;
    private long messages;
    private long notKept;
    private long lastArrival = -1;

    /** @param capacity points kept per series */
    public SysModel(int capacity) {
        this.capacity = capacity;
    }

    public void accept(String topic, byte[] payload, boolean retained, long time) {
        messages++;
        lastArrival = time;
        String text = new String(payload, StandardCharsets.UTF_8);
        RawTopic raw = topics.get(topic);
        if (raw == null && topics.size() < MAX_TOPICS) {
            raw = new RawTopic(topic);
            topics.put(topic, raw);
        }
        if (raw == null) {
            notKept++;
        } else {
            raw.update(text, retained, time);
        }
        TimeSeries mine = charted.get(topic);
        if (mine != null && !retained) {
            double v = SysTopics.number(text);
            if (!Double.isNaN(v)) {
                mine.add(time, v);
            }
        }
        SysSchema hint = SysTopics.evidence(topic, text);
        if (hint != SysSchema.UNKNOWN) {
            evidence.merge(hint, 1, Integer::sum);
            SysSchema best = Collections.max(evidence.entrySet(), Map.Entry.comparingByValue()).getKey();
            if (best != schema) {
                schema = best;
                nodes.clear();
                // what arrived before the schema was known is read again, as stale: it sets values, not rates
                for (RawTopic t : topics.values()) {
                    if (t != raw) {
                        read(t.topic(), t.value(), true, t.updated());
                    }
                }
            }
        }
        read(topic, text, retained, time);
    }

    private void read(String topic, String text, boolean retained, long time) {
        SysTopics.Reading r = SysTopics.read(schema, topic);
        if (r != null) {
            nodes.computeIfAbsent(r.node(), n -> new NodeStatus(n, capacity)).accept(r, text, retained, time, schema);
        }
    }

    /** The connection came back: no rate spans the gap. */
    public void reconnected(long time) {
        for (NodeStatus n : nodes.values()) {
            n.restart(time);
        }
        for (TimeSeries s : charted.values()) {
            s.gap(time);
        }
    }

    public SysSchema schema() {
        return schema;
    }

    /** The nodes in order of first appearance ("" for single-node schemas). */
    public List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    public NodeStatus node(String name) {
        return nodes.get(name);
    }

    public Collection<RawTopic> topics() {
        return Collections.unmodifiableCollection(topics.values());
    }

    public RawTopic topic(String topic) {
        return topics.get(topic);
    }

    /**
     * Starts charting a raw topic's numbers, beginning with its recent history; false when it is not numeric.
     */
    public boolean chart(String topic) {
        RawTopic raw = topics.get(topic);
        if (raw == null || raw.history() == null || charted.containsKey(topic)) {
            return raw != null && charted.containsKey(topic);
        }
        TimeSeries s = new TimeSeries(capacity);
        TimeSeries h = raw.history();
        for (int i = 0; i < h.size(); i++) {
            s.add(h.time(i), h.value(i));
        }
        charted.put(topic, s);
        return true;
    }

    public void unchart(String topic) {
        charted.remove(topic);
    }

    /** The raw topics being charted, in the order they were added. */
    public Map<String, TimeSeries> charted() {
        return Collections.unmodifiableMap(charted);
    }

    public long messages() {
        return messages;
    }

    /** Topics not kept for the raw view because {@link #MAX_TOPICS} were already kept. */
    public long topicsNotKept() {
        return notKept;
    }

    /** Arrival time of the newest message, or -1. */
    public long lastArrival() {
        return lastArrival;
    }

    /** The rounds' interval of the first node that knows it, 0 if none yet. */
    public long intervalMillis() {
        for (NodeStatus n : nodes.values()) {
            if (n.intervalMillis() > 0) {
                return n.intervalMillis();
            }
        }
        return 0;
    }
}
