package dev.skeeter.ui.status;

/**
 * One {@code $SYS} topic as it last arrived, for the raw tree: its text, when, and for numbers a short history for a
 * sparkline. Not thread-safe: the FX thread owns it.
 */
public final class RawTopic {
    static final int SPARKLINE_POINTS = 120;

    private final String topic;
    private String value = "";
    private long updated;
    private boolean retained;
    private TimeSeries history;

    RawTopic(String topic) {
        this.topic = topic;
    }

    void update(String text, boolean retainedFlag, long time) {
        value = text;
        updated = time;
        retained = retainedFlag;
        double v = SysTopics.number(text);
        if (!Double.isNaN(v)) {
            if (history == null) {
                history = new TimeSeries(SPARKLINE_POINTS);
            }
            history.add(time, v);
        }
    }

    public String topic() {
        return topic;
    }

    public String value() {
        return value;
    }

    /** Arrival time in epoch milliseconds. */
    public long updated() {
        return updated;
    }

    /** The value came as a retained message (sent on subscribe): it may be old. */
    public boolean retained() {
        return retained;
    }

    /** Whether the latest value is a number, so it can be charted. */
    public boolean numeric() {
        return !Double.isNaN(SysTopics.number(value));
    }

    /** The recent numeric values, or null when none was a number. */
    public TimeSeries history() {
        return history;
    }
}
