package dev.skeeter.ui.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One broker node's values and charted series. Counters become rates per second over arrival times: between two
 * arrivals where the broker publishes every value every round (EMQX, HiveMQ), between two rounds (each starts with
 * an uptime message) where it publishes only what changed (mosquitto), so a counter that did not move is a zero. What must not look like traffic does not: a retained (stale) value, the first round after a
 * (re)connect and a counter that went down (a broker restart) only set a new baseline, and the series gets a
 * break instead of a spike. Not thread-safe: the FX thread owns it.
 */
public final class NodeStatus {
    /** The series charted per node: every counter as a rate, and clients connected as a level. */
    public static final List<Metric> CHARTED = List.of(Metric.MESSAGES_RECEIVED, Metric.MESSAGES_SENT,
            Metric.PUBLISH_RECEIVED, Metric.PUBLISH_SENT, Metric.PUBLISH_DROPPED, Metric.BYTES_RECEIVED,
            Metric.BYTES_SENT, Metric.CLIENTS_CONNECTED);

    private static final class Counter {
        double value;
        boolean stale;
        boolean hasBaseline;
        double baseline;
        long baselineTime;
    }

    private final String node;
    private final int capacity;
    private final Map<Metric, String> texts = new EnumMap<>(Metric.class);
    private final Map<Metric, Double> numbers = new EnumMap<>(Metric.class);
    private final Map<Metric, Counter> counters = new EnumMap<>(Metric.class);
    private final Map<Metric, TimeSeries> series = new EnumMap<>(Metric.class);
    private final Deque<Long> tickGaps = new ArrayDeque<>();
    private long lastTick = -1;

    /** @param capacity points kept per series (an hour at one round a second fits in 3,600) */
    public NodeStatus(String node, int capacity) {
        this.node = node;
        this.capacity = capacity;
        for (Metric m : CHARTED) {
            series.put(m, new TimeSeries(capacity));
        }
    }

    public String node() {
        return node;
    }

    public String text(Metric metric) {
        return texts.get(metric);
    }

    /** The latest number, NaN when none arrived; uptime in seconds whatever the broker's unit. */
    public double number(Metric metric) {
        Double v = numbers.get(metric);
        return v == null ? Double.NaN : v;
    }

    public TimeSeries series(Metric metric) {
        return series.get(metric);
    }

    /** The time between rounds, from the median of recent uptime arrivals; 0 until two live rounds arrived. */
    public long intervalMillis() {
        if (tickGaps.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(tickGaps);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    void accept(SysTopics.Reading reading, String payload, boolean retained, long time, SysSchema schema) {
        Metric metric = reading.metric();
        if (reading.form() == SysTopics.Form.TEXT) {
            texts.put(metric, payload.trim());
            return;
        }
        double v = SysTopics.number(payload);
        if (Double.isNaN(v)) {
            return;
        }
        switch (reading.form()) {
            case UPTIME_SECONDS, UPTIME_MILLIS -> uptime(reading.form() == SysTopics.Form.UPTIME_MILLIS ? v / 1000 : v,
                    retained, time, schema);
            case LOAD_PER_MINUTE, LOAD_PER_SECOND -> {
                // only where the broker publishes no counter for it: a counter's delta is exact, a load is smoothed
                if (!retained && !counters.containsKey(metric)) {
                    series.get(metric).add(time, reading.form() == SysTopics.Form.LOAD_PER_MINUTE ? v / 60 : v);
                }
            }
            default -> {
                numbers.put(metric, v);
                if (metric.kind() == Metric.Kind.COUNTER) {
                    Counter c = counters.computeIfAbsent(metric, m -> new Counter());
                    c.value = v;
                    c.stale = retained;
                    if (retained) {
                        c.hasBaseline = false;
                    } else if (!schema.publishesOnlyChanges()) {
                        sample(c, series.get(metric), time); // every value comes every round: each is a sample
                    }
                }
            }
        }
    }

    private void uptime(double seconds, boolean retained, long time, SysSchema schema) {
        double before = number(Metric.UPTIME);
        numbers.put(Metric.UPTIME, seconds);
        if (retained) {
            return; // the retained tree on subscribe: its round is of unknown age
        }
        if (seconds + 1 < before) {
            restart(time); // the broker restarted: its counters started again from 0
        }
        closeRound(time, schema);
    }

    private void closeRound(long time, SysSchema schema) {
        if (lastTick >= 0 && time > lastTick) {
            tickGaps.addLast(time - lastTick);
            if (tickGaps.size() > 9) {
                tickGaps.removeFirst();
            }
        }
        lastTick = time;
        if (schema.publishesOnlyChanges()) {
            // mosquitto republishes only what changed: a counter that did not arrive held still, and a retained
            // value still standing after a live round is current from now on
            for (Map.Entry<Metric, Counter> e : counters.entrySet()) {
                Counter c = e.getValue();
                if (c.stale) {
                    c.stale = false;
                    rebase(c, time);
                } else {
                    sample(c, series.get(e.getKey()), time);
                }
            }
        }
        double connected = number(Metric.CLIENTS_CONNECTED);
        if (!Double.isNaN(connected)) {
            series.get(Metric.CLIENTS_CONNECTED).add(time, connected);
        }
    }

    private static void sample(Counter c, TimeSeries s, long time) {
        if (!c.hasBaseline) {
            rebase(c, time);
            return;
        }
        if (c.value < c.baseline) {
            s.gap(time); // a counter reset is not negative traffic
        } else if (time > c.baselineTime) {
            s.add(time, (c.value - c.baseline) * 1000.0 / (time - c.baselineTime));
        }
        rebase(c, time);
    }

    private static void rebase(Counter c, long time) {
        c.hasBaseline = true;
        c.baseline = c.value;
        c.baselineTime = time;
    }

    /** After a reconnect or a broker restart: no rate spans it. */
    void restart(long time) {
        for (Counter c : counters.values()) {
            c.hasBaseline = false;
            c.stale = false;
        }
        for (TimeSeries s : series.values()) {
            s.gap(time);
        }
        lastTick = -1;
    }

    int capacity() {
        return capacity;
    }
}
