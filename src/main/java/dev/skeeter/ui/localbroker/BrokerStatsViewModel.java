package dev.skeeter.ui.localbroker;

import dev.skeeter.broker.BrokerStats;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The local broker's numbers as the Local broker view shows them live: clients, PUBLISH messages per second in and
 * out, retained messages, subscriptions, uptime. {@link #sample} reads one {@link BrokerStats} snapshot (counters,
 * no locks) and is called by a timer, never per message, so a flood costs the FX thread nothing more. FX thread only.
 */
public final class BrokerStatsViewModel {
    static final String NONE = "–";

    private final Supplier<BrokerStats> stats;
    private final LongSupplier nanoTime;
    private final ReadOnlyStringWrapper clients = new ReadOnlyStringWrapper(this, "clients", NONE);
    private final ReadOnlyStringWrapper messagesIn = new ReadOnlyStringWrapper(this, "messagesIn", NONE);
    private final ReadOnlyStringWrapper messagesOut = new ReadOnlyStringWrapper(this, "messagesOut", NONE);
    private final ReadOnlyStringWrapper retained = new ReadOnlyStringWrapper(this, "retained", NONE);
    private final ReadOnlyStringWrapper subscriptions = new ReadOnlyStringWrapper(this, "subscriptions", NONE);
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper(this, "uptime", NONE);
    private BrokerStats previous;
    private long previousNanos;

    /**
     * @param stats the running broker's snapshot, or null while it is stopped
     * @param nanoTime the clock for the rates, {@link System#nanoTime} outside tests
     */
    public BrokerStatsViewModel(Supplier<BrokerStats> stats, LongSupplier nanoTime) {
        this.stats = stats;
        this.nanoTime = nanoTime;
    }

    /** Reads the broker's numbers once; rates are over the time since the previous sample. */
    public void sample() {
        BrokerStats now = stats.get();
        long nanos = nanoTime.getAsLong();
        if (now == null) {
            previous = null;
            for (ReadOnlyStringWrapper value : new ReadOnlyStringWrapper[] {clients, messagesIn, messagesOut,
                retained, subscriptions, uptime}) {
                value.set(NONE);
            }
            return;
        }
        clients.set(String.format(Locale.ROOT, "%,d", now.clientsConnected()));
        retained.set(String.format(Locale.ROOT, "%,d", now.retainedMessages()));
        subscriptions.set(String.format(Locale.ROOT, "%,d", now.subscriptions()));
        uptime.set(uptime(now.uptimeSeconds()));
        // a restarted broker counts from 0 again: no rate across the restart
        if (previous != null && nanos > previousNanos && now.publishReceived() >= previous.publishReceived()
                && now.publishSent() >= previous.publishSent()) {
            double seconds = (nanos - previousNanos) / 1e9;
            messagesIn.set(rate((now.publishReceived() - previous.publishReceived()) / seconds));
            messagesOut.set(rate((now.publishSent() - previous.publishSent()) / seconds));
        } else {
            messagesIn.set(NONE);
            messagesOut.set(NONE);
        }
        previous = now;
        previousNanos = nanos;
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    static String uptime(long seconds) {
        long days = seconds / 86_400;
        String clock = String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60,
                seconds % 60);
        return days > 0 ? days + "d " + clock : clock;
    }

    public ReadOnlyStringProperty clientsProperty() {
        return clients.getReadOnlyProperty();
    }

    /** PUBLISH messages received per second. */
    public ReadOnlyStringProperty messagesInProperty() {
        return messagesIn.getReadOnlyProperty();
    }

    /** PUBLISH messages sent per second. */
    public ReadOnlyStringProperty messagesOutProperty() {
        return messagesOut.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty retainedProperty() {
        return retained.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subscriptionsProperty() {
        return subscriptions.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }
}
