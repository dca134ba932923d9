package dev.skeeter.ui.status;

import static dev.skeeter.ui.status.SysFixture.START;
import static dev.skeeter.ui.status.SysFixture.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema detection and rates from rounds fed at chosen arrival times: no broker, no screen. */
class SysModelTest {
    private final SysModel model = new SysModel(3600);

    private static List<Double> values(TimeSeries s) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            out.add(s.value(i));
        }
        return out;
    }

    @Test
    void mosquittoRatesComeFromCounterDeltasOverArrivalTimeAndTheRetainedTreeIsNotASample() {
        SysFixture.Traffic t = START;
        feed(model, SysFixture.mosquitto(t), true, 0);
        for (int round = 1; round <= 4; round++) {
            t = t.plus(2, 100, 50, 5_000);
            feed(model, SysFixture.mosquitto(t), false, round * 2_000L);
        }
        NodeStatus node = model.node("");
        assertThat(model.schema()).isEqualTo(SysSchema.MOSQUITTO);
        // tick 1 only sets the baseline (the retained values are of unknown age); ticks 2..4 give rates
        assertThat(values(node.series(Metric.MESSAGES_RECEIVED))).containsExactly(100.0, 100.0, 100.0);
        assertThat(values(node.series(Metric.PUBLISH_SENT))).containsExactly(50.0, 50.0, 50.0);
        assertThat(values(node.series(Metric.BYTES_RECEIVED))).containsExactly(5_000.0, 5_000.0, 5_000.0);
        assertThat(values(node.series(Metric.CLIENTS_CONNECTED))).containsOnly(3.0);
        assertThat(node.number(Metric.UPTIME)).isEqualTo(108);
        assertThat(node.intervalMillis()).isEqualTo(2_000);
    }

    @Test
    void aCounterThatDidNotChangeIsAZeroRateForMosquittoWhichRepublishesOnlyChanges() {
        SysFixture.Traffic t = START;
        feed(model, SysFixture.mosquitto(t), false, 0);
        feed(model, SysFixture.mosquitto(t.plus(1, 10, 0, 0)), false, 1_000);
        // round 3: only the uptime arrives, as mosquitto does when nothing changed
        model.accept("$SYS/broker/uptime", "102 seconds".getBytes(StandardCharsets.UTF_8), false, 2_000);
        model.accept("$SYS/broker/uptime", "103 seconds".getBytes(StandardCharsets.UTF_8), false, 3_000);
        assertThat(values(model.node("").series(Metric.MESSAGES_RECEIVED))).containsExactly(10.0, 0.0);
    }

    @Test
    void aReconnectMakesNoSpikeWhateverHappenedMeanwhile() {
        SysFixture.Traffic t = START;
        feed(model, SysFixture.mosquitto(t), true, 0);
        for (int round = 1; round <= 3; round++) {
            t = t.plus(1, 100, 50, 5_000);
            feed(model, SysFixture.mosquitto(t), false, round * 1_000L);
        }
        model.reconnected(3_500);
        t = t.plus(60, 10_000, 10_000, 10_000_000); // a minute of heavy traffic while we were away
        feed(model, SysFixture.mosquitto(t), true, 63_600);
        for (int round = 1; round <= 3; round++) {
            t = t.plus(1, 100, 50, 5_000);
            feed(model, SysFixture.mosquitto(t), false, 63_600 + round * 1_000L);
        }
        List<Double> rates = values(model.node("").series(Metric.MESSAGES_RECEIVED));
        assertThat(rates).filteredOn(v -> !v.isNaN()).containsOnly(100.0);
        assertThat(rates).anyMatch(v -> v.isNaN()); // the break in the line
    }

    @Test
    void aBrokerRestartResetsCountersWithoutANegativeRateOrASpike() {
        SysFixture.Traffic t = START;
        for (int round = 0; round < 3; round++) {
            t = t.plus(1, 100, 50, 5_000);
            feed(model, SysFixture.mosquitto(t), false, round * 1_000L);
        }
        SysFixture.Traffic fresh = new SysFixture.Traffic(1, 1, 10, 10, 5, 5, 0, 100, 100);
        for (int round = 3; round < 7; round++) {
            feed(model, SysFixture.mosquitto(fresh), false, round * 1_000L);
            fresh = fresh.plus(1, 100, 50, 5_000);
        }
        assertThat(values(model.node("").series(Metric.MESSAGES_RECEIVED))).filteredOn(v -> !v.isNaN())
                .allMatch(v -> v >= 0 && v <= 100);
    }

    @Test
    void emqxNodesAreSeparateWithUptimeInMilliseconds() {
        SysFixture.Traffic a = START;
        SysFixture.Traffic b = START;
        for (int round = 0; round < 4; round++) {
            feed(model, SysFixture.emqx("emqx@node1", a), false, round * 5_000L);
            feed(model, SysFixture.emqx("emqx@node2", b), false, round * 5_000L + 10);
            a = a.plus(5, 20, 10, 1_000);
            b = b.plus(5, 40, 30, 2_000);
        }
        assertThat(model.schema()).isEqualTo(SysSchema.EMQX);
        assertThat(model.nodeNames()).containsExactly("emqx@node1", "emqx@node2");
        NodeStatus one = model.node("emqx@node1");
        NodeStatus two = model.node("emqx@node2");
        assertThat(one.number(Metric.UPTIME)).isEqualTo(115);
        assertThat(one.text(Metric.VERSION)).isEqualTo("5.8.0");
        assertThat(one.number(Metric.CLIENTS_MAXIMUM)).isEqualTo(10);
        assertThat(values(one.series(Metric.PUBLISH_RECEIVED))).containsOnly(10.0).hasSize(3);
        assertThat(values(two.series(Metric.PUBLISH_RECEIVED))).containsOnly(30.0).hasSize(3);
        assertThat(values(two.series(Metric.BYTES_SENT))).containsOnly(2_000.0);
    }

    @Test
    void hivemqTotalsGiveRatesAndItsByteTotalsLiveUnderLoad() {
        SysFixture.Traffic t = START;
        for (int round = 0; round < 3; round++) {
            feed(model, SysFixture.hivemq(t, 7.5), false, round * 10_000L);
            t = t.plus(10, 30, 20, 3_000);
        }
        NodeStatus node = model.node("");
        assertThat(model.schema()).isEqualTo(SysSchema.HIVEMQ);
        assertThat(values(node.series(Metric.PUBLISH_RECEIVED))).containsOnly(20.0).hasSize(2);
        assertThat(values(node.series(Metric.BYTES_RECEIVED))).containsOnly(3_000.0).hasSize(2);
        assertThat(node.number(Metric.RETAINED)).isEqualTo(2);
    }

    @Test
    void aLoadIsChartedPerSecondWhereNoCounterIsPublished() {
        model.accept("$SYS/broker/version", "mosquitto version 2.0.18".getBytes(StandardCharsets.UTF_8), false, 0);
        model.accept("$SYS/broker/load/messages/received/1min", "90.00".getBytes(StandardCharsets.UTF_8), false, 0);
        assertThat(model.node("").series(Metric.MESSAGES_RECEIVED).last()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void valuesThatArrivedBeforeTheSchemaWasKnownStillFillTheCards() {
        model.accept("$SYS/broker/clients/connected", "4".getBytes(StandardCharsets.UTF_8), true, 0);
        model.accept("$SYS/broker/heap/current", "1024".getBytes(StandardCharsets.UTF_8), true, 0);
        assertThat(model.schema()).isEqualTo(SysSchema.MOSQUITTO);
        assertThat(model.node("").number(Metric.CLIENTS_CONNECTED)).isEqualTo(4);
        assertThat(model.topics()).hasSize(2);
    }

    @Test
    void aRawTopicCanBeChartedFromItsHistoryOn() {
        for (int i = 0; i < 5; i++) {
            model.accept("$SYS/custom/queue", Integer.toString(i).getBytes(StandardCharsets.UTF_8), false, i);
        }
        model.accept("$SYS/custom/name", "abc".getBytes(StandardCharsets.UTF_8), false, 0);
        assertThat(model.chart("$SYS/custom/name")).isFalse();
        assertThat(model.chart("$SYS/custom/queue")).isTrue();
        model.accept("$SYS/custom/queue", "9".getBytes(StandardCharsets.UTF_8), false, 10);
        assertThat(values(model.charted().get("$SYS/custom/queue"))).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 9.0);
    }
}
