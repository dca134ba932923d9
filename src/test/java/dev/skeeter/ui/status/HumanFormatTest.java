package dev.skeeter.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HumanFormatTest {
    @Test
    void durationsReadLikeAPersonWouldSayThem() {
        assertThat(HumanFormat.duration(42)).isEqualTo("42 s");
        assertThat(HumanFormat.duration(312)).isEqualTo("5 min 12 s");
        assertThat(HumanFormat.duration(4 * 3600 + 5 * 60 + 9)).isEqualTo("4 h 5 min");
        assertThat(HumanFormat.duration(3 * 86_400 + 4 * 3600)).isEqualTo("3 d 4 h");
        assertThat(HumanFormat.duration(Double.NaN)).isEqualTo("–");
    }

    @Test
    void sizesAndRatesAreCompact() {
        assertThat(HumanFormat.bytes(512)).isEqualTo("512 B");
        assertThat(HumanFormat.bytes(52_428_800)).isEqualTo("50.0 MiB");
        assertThat(HumanFormat.compact(0.5)).isEqualTo("0.5");
        assertThat(HumanFormat.compact(1_234)).isEqualTo("1.2k");
        assertThat(HumanFormat.compact(3_400_000)).isEqualTo("3.4M");
        assertThat(HumanFormat.count(1_234_567)).isEqualTo("1,234,567");
    }
}
