package dev.skeeter.broker.internal.sys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.BrokerStats;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SysTreeTest {
    private final Map<String, String> published = new LinkedHashMap<>();
    private final AtomicReference<BrokerStats> stats = new AtomicReference<>(stats(0, 0, 0));
    private final AtomicLong nanos = new AtomicLong();
    private final SysTree tree = new SysTree(stats::get,
            (topic, payload) -> published.put(topic, new String(payload, StandardCharsets.UTF_8)), nanos::get);

    @Test
    void firstUpdatePublishesTheWholeTreeWithMosquittosNamesAndFormats() {
        tree.publishStatic("1.2.3", "2026-12-05 09:00:00+0000");
        tree.update();
        assertThat(published).containsEntry("$SYS/broker/version", "skeeter version 1.2.3")
                .containsEntry("$SYS/broker/timestamp", "2026-12-05 09:00:00+0000")
                .containsEntry("$SYS/broker/uptime", "7 seconds")
                .containsEntry("$SYS/broker/clients/connected", "0")
                .containsEntry("$SYS/broker/retained messages/count", "0")
                .containsEntry("$SYS/broker/load/messages/received/1min", "0.00")
                .containsEntry("$SYS/broker/load/connections/15min", "0.00")
                .containsEntry("$SYS/broker/load/sockets/5min", "0.00")
                .containsEntry("$SYS/broker/load/publish/dropped/1min", "0.00")
                .containsKeys("$SYS/broker/heap/current", "$SYS/broker/heap/maximum",
                        "$SYS/broker/publish/bytes/sent");
        assertThat(published.keySet().stream().filter(t -> t.startsWith("$SYS/broker/load/"))).hasSize(27);
    }

    @Test
    void laterUpdatesPublishUptimeAndOnlyWhatChanged() {
        tree.update();
        published.clear();
        nanos.addAndGet(10_000_000_000L);
        tree.update();
        assertThat(published).containsOnlyKeys("$SYS/broker/uptime");

        published.clear();
        stats.set(stats(600, 3, 0));
        nanos.addAndGet(10_000_000_000L);
        tree.update();
        assertThat(published).containsEntry("$SYS/broker/messages/received", "600")
                .containsEntry("$SYS/broker/clients/connected", "3")
                .containsEntry("$SYS/broker/clients/total", "3")
                .doesNotContainKey("$SYS/broker/publish/messages/dropped");
    }

    @Test
    void loadsAreMosquittosDampedPerMinuteAverages() {
        tree.update();
        stats.set(stats(600, 0, 0));
        nanos.addAndGet(10_000_000_000L);
        tree.update();
        // 600 packets in 10 s = 3600/min; after one 10 s step: 3600 * (1 - e^(-10/60)), e^(-10/300), e^(-10/900)
        assertThat(published).containsEntry("$SYS/broker/load/messages/received/1min",
                String.format(java.util.Locale.ROOT, "%.2f", 3600 * (1 - Math.exp(-10.0 / 60))))
                .containsEntry("$SYS/broker/load/messages/received/5min",
                        String.format(java.util.Locale.ROOT, "%.2f", 3600 * (1 - Math.exp(-10.0 / 300))))
                .containsEntry("$SYS/broker/load/messages/received/15min",
                        String.format(java.util.Locale.ROOT, "%.2f", 3600 * (1 - Math.exp(-10.0 / 900))));

        published.clear();
        nanos.addAndGet(10_000_000_000L);
        tree.update();
        double oneMinute = 3600 * (1 - Math.exp(-10.0 / 60)) * Math.exp(-10.0 / 60);
        assertThat(published).containsEntry("$SYS/broker/load/messages/received/1min",
                String.format(java.util.Locale.ROOT, "%.2f", oneMinute));
    }

    @Test
    void aLoadThatMovesLessThanAHundredthIsNotPublishedAgain() {
        tree.update();
        published.clear();
        stats.set(stats(0, 0, 1));
        nanos.addAndGet(10_000_000_000L);
        tree.update();
        assertThat(published).containsKey("$SYS/broker/load/publish/dropped/1min");
        published.clear();
        nanos.addAndGet(10_000_000_000_000L); // the load decays to 0.00 and stays there
        tree.update();
        published.clear();
        nanos.addAndGet(10_000_000_000L);
        tree.update();
        assertThat(published.keySet()).noneMatch(t -> t.startsWith("$SYS/broker/load/"));
    }

    private static BrokerStats stats(long packetsReceived, int clients, long dropped) {
        return new BrokerStats(7, clients, clients, clients, 0, packetsReceived, 0, 0, 0, dropped, 0, 0, 0, 0, 0, 0,
                0, 0, 1000, 2000, 0, 0, 0);
    }
}
