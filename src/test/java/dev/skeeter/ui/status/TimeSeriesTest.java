package dev.skeeter.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeSeriesTest {
    @Test
    void aFullSeriesDropsItsOldestPoints() {
        TimeSeries s = new TimeSeries(3);
        for (int i = 0; i < 5; i++) {
            s.add(i * 1000L, i);
        }
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.time(0)).isEqualTo(2000);
        assertThat(s.value(2)).isEqualTo(4);
    }

    @Test
    void decimationKeepsEachColumnsPeakAndTrough() {
        TimeSeries s = new TimeSeries(10_000);
        for (int i = 0; i < 3600; i++) {
            s.add(i * 1000L, i == 1800 ? 1_000 : i == 900 ? -5 : 1);
        }
        TimeSeries.Points p = s.decimate(0, 3_600_000, 100);
        assertThat(p.size()).isLessThanOrEqualTo(200);
        assertThat(p.values()).contains(1_000.0, -5.0);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.times()[i]).isGreaterThanOrEqualTo(p.times()[i - 1]);
        }
    }

    @Test
    void aWindowStartsWithThePointBeforeIt() {
        TimeSeries s = new TimeSeries(100);
        for (int i = 0; i < 10; i++) {
            s.add(i * 1000L, i);
        }
        TimeSeries.Points p = s.decimate(5_500, 10_000, 800);
        assertThat(p.times()[0]).isEqualTo(5_000);
        assertThat(p.size()).isEqualTo(5);
    }

    @Test
    void aGapSurvivesDecimation() {
        TimeSeries s = new TimeSeries(10_000);
        for (int i = 0; i < 2000; i++) {
            s.add(i, 5);
            if (i == 1000) {
                s.gap(i);
            }
        }
        TimeSeries.Points p = s.decimate(0, 2000, 50);
        assertThat(java.util.Arrays.stream(p.values()).anyMatch(Double::isNaN)).isTrue();
        assertThat(s.last()).isEqualTo(5);
    }
}
