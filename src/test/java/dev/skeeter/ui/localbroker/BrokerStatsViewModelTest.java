package dev.skeeter.ui.localbroker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.BrokerStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BrokerStatsViewModelTest {
    private final AtomicReference<BrokerStats> stats = new AtomicReference<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final BrokerStatsViewModel model = new BrokerStatsViewModel(stats::get, nanos::get);

    private static BrokerStats stats(long uptime, int clients, long publishIn, long publishOut, int retained,
            int subscriptions) {
        return new BrokerStats(uptime, clients, clients, clients, 0, 0, 0, publishIn, publishOut, 0, 0, 0, 0, 0,
                retained, subscriptions, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void showsDashesWhileStopped() {
        model.sample();
        assertThat(model.clientsProperty().get()).isEqualTo(BrokerStatsViewModel.NONE);
        assertThat(model.uptimeProperty().get()).isEqualTo(BrokerStatsViewModel.NONE);
    }

    @Test
    void ratesAreOverTheTimeBetweenSamples() {
        stats.set(stats(5, 2, 100, 300, 1, 4));
        model.sample();
        assertThat(model.messagesInProperty().get()).as("no rate from one sample").isEqualTo("–");
        assertThat(model.clientsProperty().get()).isEqualTo("2");
        assertThat(model.retainedProperty().get()).isEqualTo("1");
        assertThat(model.subscriptionsProperty().get()).isEqualTo("4");

        stats.set(stats(7, 3, 2_100, 6_300, 1, 5));
        nanos.addAndGet(2_000_000_000L);
        model.sample();
        assertThat(model.messagesInProperty().get()).isEqualTo("1,000/s");
        assertThat(model.messagesOutProperty().get()).isEqualTo("3,000/s");
        assertThat(model.clientsProperty().get()).isEqualTo("3");
        assertThat(model.uptimeProperty().get()).isEqualTo("0:00:07");
    }

    @Test
    void aRestartedBrokerShowsNoRateAcrossTheRestart() {
        stats.set(stats(100, 1, 5_000, 5_000, 0, 0));
        model.sample();
        stats.set(stats(1, 0, 3, 0, 0, 0));
        nanos.addAndGet(1_000_000_000L);
        model.sample();
        assertThat(model.messagesInProperty().get()).isEqualTo("–");
        stats.set(null);
        model.sample();
        assertThat(model.clientsProperty().get()).isEqualTo("–");
    }

    @Test
    void uptimeReadsAsAClockWithDays() {
        assertThat(BrokerStatsViewModel.uptime(59)).isEqualTo("0:00:59");
        assertThat(BrokerStatsViewModel.uptime(3_661)).isEqualTo("1:01:01");
        assertThat(BrokerStatsViewModel.uptime(2 * 86_400 + 5)).isEqualTo("2d 0:00:05");
    }
}
