package dev.skeeter.ui.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $SYS} rounds as EMQX 5 and HiveMQ 3's SYS plugin publish them, built from their documented topic names, and
 * as mosquitto 2 does, for tests that feed them to the model or publish them through a broker.
 */
final class SysFixture {
    /** One round's values of a broker that has seen this much traffic. */
    record Traffic(long uptimeSeconds, long connected, long packetsIn, long packetsOut, long publishIn, long publishOut,
            long dropped, long bytesIn, long bytesOut) {
        Traffic plus(long seconds, long packetsPerSecond, long publishPerSecond, long bytesPerSecond) {
            return new Traffic(uptimeSeconds + seconds, connected, packetsIn + packetsPerSecond * seconds,
                    packetsOut + packetsPerSecond * seconds, publishIn + publishPerSecond * seconds,
                    publishOut + publishPerSecond * seconds, dropped, bytesIn + bytesPerSecond * seconds,
                    bytesOut + bytesPerSecond * seconds);
        }
    }

    static final Traffic START = new Traffic(100, 3, 1_000, 900, 500, 400, 0, 50_000, 40_000);

    private SysFixture() {
    }

    /** EMQX 5: one subtree per node, stats with '.', metrics with '/', uptime in milliseconds. */
    static List<Map.Entry<String, String>> emqx(String node, Traffic t) {
        String p = "$SYS/brokers/" + node + "/";
        List<Map.Entry<String, String>> round = new ArrayList<>();
        round.add(Map.entry("$SYS/brokers", node));
        round.add(Map.entry(p + "version", "5.8.0"));
        round.add(Map.entry(p + "uptime", Long.toString(t.uptimeSeconds() * 1000)));
        round.add(Map.entry(p + "datetime", "2026-12-05T12:00:00+00:00"));
        round.add(Map.entry(p + "sysdescr", "EMQX"));
        round.add(Map.entry(p + "stats/connections.count", Long.toString(t.connected())));
        round.add(Map.entry(p + "stats/connections.max", Long.toString(t.connected() + 7)));
        round.add(Map.entry(p + "stats/sessions.count", Long.toString(t.connected() + 2)));
        round.add(Map.entry(p + "stats/subscriptions.count", "12"));
        round.add(Map.entry(p + "stats/retained.count", "4"));
        round.add(Map.entry(p + "stats/topics.count", "9"));
        round.add(Map.entry(p + "metrics/packets/received", Long.toString(t.packetsIn())));
        round.add(Map.entry(p + "metrics/packets/sent", Long.toString(t.packetsOut())));
        round.add(Map.entry(p + "metrics/messages/received", Long.toString(t.publishIn())));
        round.add(Map.entry(p + "metrics/messages/sent", Long.toString(t.publishOut())));
        round.add(Map.entry(p + "metrics/messages/dropped", Long.toString(t.dropped())));
        round.add(Map.entry(p + "metrics/bytes/received", Long.toString(t.bytesIn())));
        round.add(Map.entry(p + "metrics/bytes/sent", Long.toString(t.bytesOut())));
        return round;
    }

    /** HiveMQ 3's SYS plugin: totals under messages/publish, byte totals under load/bytes, loads per second. */
    static List<Map.Entry<String, String>> hivemq(Traffic t, double publishLoadPerSecond) {
        String p = "$SYS/broker/";
        List<Map.Entry<String, String>> round = new ArrayList<>();
        round.add(Map.entry(p + "uptime", Long.toString(t.uptimeSeconds())));
        round.add(Map.entry(p + "version", "3.4.4"));
        round.add(Map.entry(p + "time", "1764936000"));
        round.add(Map.entry(p + "clients/connected", Long.toString(t.connected())));
        round.add(Map.entry(p + "clients/maximum", Long.toString(t.connected() + 1)));
        round.add(Map.entry(p + "clients/total", Long.toString(t.connected() + 5)));
        round.add(Map.entry(p + "clients/disconnected", "5"));
        round.add(Map.entry(p + "subscriptions/count", "8"));
        round.add(Map.entry(p + "messages/retained/count", "2"));
        round.add(Map.entry(p + "messages/received", Long.toString(t.packetsIn())));
        round.add(Map.entry(p + "messages/sent", Long.toString(t.packetsOut())));
        round.add(Map.entry(p + "messages/publish/received", Long.toString(t.publishIn())));
        round.add(Map.entry(p + "messages/publish/sent", Long.toString(t.publishOut())));
        round.add(Map.entry(p + "messages/publish/dropped", Long.toString(t.dropped())));
        round.add(Map.entry(p + "load/bytes/received", Long.toString(t.bytesIn())));
        round.add(Map.entry(p + "load/bytes/sent", Long.toString(t.bytesOut())));
        for (String w : List.of("1min", "5min", "15min")) {
            round.add(Map.entry(p + "load/publish/received/" + w, Double.toString(publishLoadPerSecond)));
            round.add(Map.entry(p + "load/connections/" + w, "0.0"));
        }
        return round;
    }

    /** mosquitto 2: uptime first, then the values (a real broker publishes only those that changed). */
    static List<Map.Entry<String, String>> mosquitto(Traffic t) {
        String p = "$SYS/broker/";
        List<Map.Entry<String, String>> round = new ArrayList<>();
        round.add(Map.entry(p + "uptime", t.uptimeSeconds() + " seconds"));
        round.add(Map.entry(p + "version", "mosquitto version 2.0.18"));
        round.add(Map.entry(p + "clients/connected", Long.toString(t.connected())));
        round.add(Map.entry(p + "clients/maximum", Long.toString(t.connected() + 1)));
        round.add(Map.entry(p + "clients/total", Long.toString(t.connected() + 2)));
        round.add(Map.entry(p + "subscriptions/count", "6"));
        round.add(Map.entry(p + "retained messages/count", "40"));
        round.add(Map.entry(p + "messages/stored", "41"));
        round.add(Map.entry(p + "heap/current", "52428800"));
        round.add(Map.entry(p + "messages/received", Long.toString(t.packetsIn())));
        round.add(Map.entry(p + "messages/sent", Long.toString(t.packetsOut())));
        round.add(Map.entry(p + "publish/messages/received", Long.toString(t.publishIn())));
        round.add(Map.entry(p + "publish/messages/sent", Long.toString(t.publishOut())));
        round.add(Map.entry(p + "publish/messages/dropped", Long.toString(t.dropped())));
        round.add(Map.entry(p + "bytes/received", Long.toString(t.bytesIn())));
        round.add(Map.entry(p + "bytes/sent", Long.toString(t.bytesOut())));
        round.add(Map.entry(p + "load/messages/received/1min", String.format(Locale.ROOT, "%.2f", 60.0)));
        return round;
    }

    /** Feeds a round to the model as arriving at {@code time}. */
    static void feed(SysModel model, List<Map.Entry<String, String>> round, boolean retained, long time) {
        for (Map.Entry<String, String> e : round) {
            model.accept(e.getKey(), e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8), retained, time);
        }
    }
}
