package dev.skeeter.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line; subcommands are shaped like mosquitto's tools. */
@Command(
        name = "skeeter",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Skeeter: an MQTT toolbox. Run without arguments to open the desktop app.",
            ""
        },
        subcommands = {CommandLine.HelpCommand.class, BrokerCommand.class})
public final class SkeeterCommand implements Runnable {
    /** Commands that keep running after {@code execute} returns (servers and subscribers stop on their own). */
    private static final Set<String> LONG_RUNNING = Set.of("broker");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SkeeterCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && LONG_RUNNING.contains(args[0]);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
