package dev.skeeter.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SysHealthTest {
    @Test
    void silenceIsReportedAfterTwiceTheExpectedInterval() {
        assertThat(SysHealth.silence(SysSchema.UNKNOWN, 0, 0, 19_999, false)).isEmpty();
        assertThat(SysHealth.silence(SysSchema.UNKNOWN, 0, 0, 20_000, false))
                .contains("sys_interval 0", "ACL", "EMQX", "localhost");
        assertThat(SysHealth.silence(SysSchema.MOSQUITTO, 1_000, 0, 1_999, true)).isEmpty();
        assertThat(SysHealth.silence(SysSchema.MOSQUITTO, 1_000, 0, 2_000, true)).contains("No $SYS update");
        assertThat(SysHealth.silence(SysSchema.EMQX, 0, 0, 60_000, true)).isEmpty();
    }

    @Test
    void aRefusalNamesTheFilterAndWhatToAskFor() {
        assertThat(SysHealth.denied("$SYS/#")).contains("0x80", "acl_file", "$SYS/#");
    }
}
