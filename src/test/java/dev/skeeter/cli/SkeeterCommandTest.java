package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SkeeterCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = SkeeterCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void helpListsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: skeeter").contains("--version");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(Version.get()).isNotEqualTo("unknown");
        assertThat(out.toString()).contains("skeeter " + Version.get());
    }

    @Test
    void unknownSubcommandIsAnErrorWithUsage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
