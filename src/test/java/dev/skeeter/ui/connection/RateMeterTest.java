package dev.skeeter.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateMeterTest {
    @Test
    void rateIsTheCountDeltaPerSecondBetweenSamples() {
        RateMeter meter = new RateMeter();
        assertThat(meter.sample(100, 0)).isZero();
        assertThat(meter.sample(150, 500_000_000L)).isCloseTo(100.0, within(0.001));
        assertThat(meter.sample(150, 1_500_000_000L)).isZero();
    }
}
