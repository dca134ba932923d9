package dev.skeeter.ui.connection;

import dev.skeeter.client.MqttConnection;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * A workspace's message counters for its header: totals in and out and their rates, sampled from the connection
 * about once a second (never per message). FX thread only.
 */
public final class TrafficCounters {
    private final MqttConnection connection;
    private final ReadOnlyLongWrapper messagesIn = new ReadOnlyLongWrapper(this, "messagesIn");
    private final ReadOnlyLongWrapper messagesOut = new ReadOnlyLongWrapper(this, "messagesOut");
    private final ReadOnlyDoubleWrapper inPerSecond = new ReadOnlyDoubleWrapper(this, "inPerSecond");
    private final ReadOnlyDoubleWrapper outPerSecond = new ReadOnlyDoubleWrapper(this, "outPerSecond");
    private final RateMeter inMeter = new RateMeter();
    private final RateMeter outMeter = new RateMeter();

    TrafficCounters(MqttConnection connection) {
        this.connection = connection;
    }

    /** Samples the connection's counters; the view calls it about once a second. */
    public void tick(long nanos) {
        long in = connection.messagesIn();
        long out = connection.messagesOut();
        messagesIn.set(in);
        messagesOut.set(out);
        inPerSecond.set(inMeter.sample(in, nanos));
        outPerSecond.set(outMeter.sample(out, nanos));
    }

    public ReadOnlyLongProperty messagesInProperty() {
        return messagesIn.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty messagesOutProperty() {
        return messagesOut.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty inPerSecondProperty() {
        return inPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty outPerSecondProperty() {
        return outPerSecond.getReadOnlyProperty();
    }
}
