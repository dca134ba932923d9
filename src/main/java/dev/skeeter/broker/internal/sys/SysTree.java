package dev.skeeter.broker.internal.sys;

import dev.skeeter.broker.BrokerStats;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Publishes the broker's {@code $SYS/broker/...} tree with mosquitto 2.0's names and payload formats, so tools
 * written for mosquitto read ours. Values are published retained; a value is published again only when it changed
 * (uptime every time), as mosquitto does, so a {@code $SYS/#} subscriber sees the whole tree at once and then the
 * changes. Confined to the one thread that calls {@link #publishStatic} and {@link #update}.
 */
public final class SysTree {
    public static final String PREFIX = "$SYS/broker/";
    private static final String[] WINDOWS = {"1min", "5min", "15min"};
    private static final double[] WINDOW_SECONDS = {60, 300, 900};
    /** Counters whose per-minute load mosquitto publishes, by the topic under {@code load/}. */
    private static final String[] LOADS = {"messages/received", "messages/sent", "publish/dropped",
        "publish/received", "publish/sent", "bytes/received", "bytes/sent", "sockets", "connections"};

    private final Supplier<BrokerStats> stats;
    private final BiConsumer<String, byte[]> publisher;
    private final LongSupplier nanoTime;
    private final Map<String, String> published = new HashMap<>();
    private final Map<String, LoadAverage> loads = new HashMap<>();
    private BrokerStats previous;
    private long previousNanos;

    /**
     * @param stats the broker's counters, read once per update
     * @param publisher publishes one retained {@code $SYS} message (topic, payload)
     * @param nanoTime the clock, {@link System#nanoTime} outside tests
     */
    public SysTree(Supplier<BrokerStats> stats, BiConsumer<String, byte[]> publisher, LongSupplier nanoTime) {
        this.stats = stats;
        this.publisher = publisher;
        this.nanoTime = nanoTime;
        for (String load : LOADS) {
            for (int i = 0; i < WINDOWS.length; i++) {
                loads.put(load + "/" + WINDOWS[i], new LoadAverage(WINDOW_SECONDS[i]));
            }
        }
    }

    /** The values that never change, published once when the broker starts. */
    public void publishStatic(String version, String timestamp) {
        publish("version", "skeeter version " + version);
        publish("timestamp", timestamp);
    }

    /** Publishes every value that changed since the last update; uptime always. */
    public void update() {
        BrokerStats now = stats.get();
        long nanos = nanoTime.getAsLong();
        publish("uptime", now.uptimeSeconds() + " seconds");
        publishIfChanged("clients/total", now.clientsTotal());
        publishIfChanged("clients/maximum", now.clientsMaximum());
        publishIfChanged("clients/connected", now.clientsConnected());
        publishIfChanged("clients/active", now.clientsConnected());
        publishIfChanged("clients/disconnected", now.clientsTotal() - now.clientsConnected());
        publishIfChanged("clients/inactive", now.clientsTotal() - now.clientsConnected());
        publishIfChanged("clients/expired", now.clientsExpired());
        updateLoads(now, nanos);
        publishIfChanged("messages/stored", now.storedMessages());
        publishIfChanged("store/messages/count", now.storedMessages());
        publishIfChanged("store/messages/bytes", now.storedBytes());
        publishIfChanged("subscriptions/count", now.subscriptions());
        publishIfChanged("retained messages/count", now.retainedMessages());
        publishIfChanged("heap/current", now.heapCurrent());
        publishIfChanged("heap/maximum", now.heapMaximum());
        publishIfChanged("messages/received", now.packetsReceived());
        publishIfChanged("messages/sent", now.packetsSent());
        publishIfChanged("publish/messages/dropped", now.publishDropped());
        publishIfChanged("publish/messages/received", now.publishReceived());
        publishIfChanged("publish/messages/sent", now.publishSent());
        publishIfChanged("bytes/received", now.bytesReceived());
        publishIfChanged("bytes/sent", now.bytesSent());
        publishIfChanged("publish/bytes/received", now.publishBytesReceived());
        publishIfChanged("publish/bytes/sent", now.publishBytesSent());
        previous = now;
        previousNanos = nanos;
    }

    /**
     * mosquitto's first update publishes every load as 0.00; later ones fold in the interval's rate and publish a
     * load when it moved by at least 0.01.
     */
    private void updateLoads(BrokerStats now, long nanos) {
        boolean initial = previous == null;
        double elapsed = initial ? 0 : (nanos - previousNanos) / 1e9;
        for (String load : LOADS) {
            double count = initial ? 0 : counter(now, load) - counter(previous, load);
            for (String window : WINDOWS) {
                String name = load + "/" + window;
                LoadAverage average = loads.get(name);
                double before = average.value();
                double after = average.update(count, elapsed);
                if (initial || Math.abs(after - before) >= 0.01) {
                    publish("load/" + name, String.format(Locale.ROOT, "%.2f", after));
                }
            }
        }
    }

    private static long counter(BrokerStats s, String load) {
        return switch (load) {
            case "messages/received" -> s.packetsReceived();
            case "messages/sent" -> s.packetsSent();
            case "publish/dropped" -> s.publishDropped();
            case "publish/received" -> s.publishReceived();
            case "publish/sent" -> s.publishSent();
            case "bytes/received" -> s.bytesReceived();
            case "bytes/sent" -> s.bytesSent();
            case "sockets" -> s.socketsOpened();
            case "connections" -> s.connectionsAccepted();
            default -> throw new IllegalArgumentException(load);
        };
    }

    private void publishIfChanged(String name, long value) {
        String text = Long.toString(value);
        if (!text.equals(published.get(name))) {
            publish(name, text);
        }
    }

    private void publish(String name, String value) {
        published.put(name, value);
        publisher.accept(PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }
}
