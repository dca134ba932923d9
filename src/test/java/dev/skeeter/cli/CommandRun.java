package dev.skeeter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code skeeter} command line in-process and keeps what it printed. Confined to one test. */
final class CommandRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The exit code; output accumulates over several runs. */
    int execute(String... args) {
        return execute(commandLine -> { }, args);
    }

    /** As {@link #execute(String...)}, after {@code setUp} has adjusted the command line (test hooks). */
    int execute(java.util.function.Consumer<CommandLine> setUp, String... args) {
        CommandLine commandLine = SkeeterCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        setUp.accept(commandLine);
        return commandLine.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
