package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.Version;
import org.junit.jupiter.api.Test;

class SkeeterCommandTest {
    private final CommandRun cli = new CommandRun();

    @Test
    void helpListsUsage() {
        assertThat(cli.execute("--help")).isZero();
        assertThat(cli.out()).contains("Usage: skeeter").contains("--version");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(cli.execute("--version")).isZero();
        assertThat(Version.get()).isNotEqualTo("unknown");
        assertThat(cli.out()).contains("skeeter " + Version.get());
    }

    @Test
    void unknownSubcommandIsAnErrorWithUsage() {
        assertThat(cli.execute("frobnicate")).isEqualTo(2);
        assertThat(cli.err()).contains("frobnicate");
    }
}
