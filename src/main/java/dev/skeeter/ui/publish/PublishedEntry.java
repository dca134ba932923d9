package dev.skeeter.ui.publish;

import java.time.Instant;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the "published" list: what was sent and, once known, how it went. FX thread only. */
public final class PublishedEntry {
    private final Instant time;
    private final String topic;
    private final int qos;
    private final boolean retain;
    private final int size;
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("sending…");

    PublishedEntry(Instant time, String topic, int qos, boolean retain, int size) {
        this.time = time;
        this.topic = topic;
        this.qos = qos;
        this.retain = retain;
        this.size = size;
    }

    public Instant time() {
        return time;
    }

    public String topic() {
        return topic;
    }

    public int qos() {
        return qos;
    }

    public boolean retain() {
        return retain;
    }

    public int size() {
        return size;
    }

    /** "sending…", "ok", or "failed: reason". */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    void setResult(String text) {
        result.set(text);
    }
}
