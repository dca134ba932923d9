package dev.skeeter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchResultTest {

    private static BenchResult result(long expected, long received, double p99Us) {
        return new BenchResult(Scenario.FAN_IN, 0, 4, 1, 64, 3.0, expected, expected, received, 0, 0, 1000, 1000,
                800.4, p99Us, 2 * p99Us, 3 * p99Us, Double.NaN, Double.NaN, List.of());
    }

    @Test
    void latenciesPast10MsAreShownInMilliseconds() {
        String summary = result(100, 100, 12_345.6).toSummary();

        assertThat(summary).contains("p50 800.4 us").contains("p99 12.3 ms").contains("p99.9 24.7 ms")
                .contains("max 37.0 ms");
        assertThat(BenchResult.latency(9_999.9)).isEqualTo("9,999.9 us");
        assertThat(BenchResult.latency(10_000)).isEqualTo("10.0 ms");
        assertThat(BenchResult.latency(1_234_500)).isEqualTo("1,234.5 ms");
    }

    @Test
    void theJsonKeepsMicrosecondsForScripts() {
        assertThat(result(100, 100, 12_345.6).toJson()).contains("\"p99Us\":12345.6");
    }

    @Test
    void aRunThatReceivedNothingLostEverything() {
        assertThat(result(100, 0, 0).lostEverything()).isTrue();
        assertThat(result(100, 1, 0).lostEverything()).isFalse();
        assertThat(result(0, 0, 0).lostEverything()).isFalse();
    }
}
