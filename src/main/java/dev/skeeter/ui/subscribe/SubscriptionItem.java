package dev.skeeter.ui.subscribe;

import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One subscription in the Subscribe pane. Its properties are FX thread only; {@link #arrived} and
 * {@link #mutedNow} are the thread-safe halves the network thread reads and writes, copied into the properties
 * once per batch.
 */
public final class SubscriptionItem {
    private final String filter;
    private final int qos;
    private final ObjectProperty<String> colour;
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final LongProperty count = new SimpleLongProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("subscribing…");
    final AtomicLong arrived = new AtomicLong();
    volatile boolean mutedNow;
    /** The last subscribe failed; FX thread only. */
    boolean failed;

    SubscriptionItem(String filter, int qos, String colour) {
        this.filter = filter;
        this.qos = qos;
        this.colour = new SimpleObjectProperty<>(colour);
        muted.addListener((obs, was, now) -> mutedNow = now);
    }

    public String filter() {
        return filter;
    }

    public int qos() {
        return qos;
    }

    /** {@code #rrggbb}; the colour of this subscription's rows. */
    public ObjectProperty<String> colourProperty() {
        return colour;
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** Messages that matched this filter, paused or muted ones included. */
    public ReadOnlyLongProperty countProperty() {
        return count;
    }

    /** "subscribing…", "QoS 1 granted", "refused by the broker", or the error. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setStatus(String text) {
        status.set(text);
    }

    void refreshCount() {
        count.set(arrived.get());
    }

    @Override
    public String toString() {
        return filter;
    }
}
