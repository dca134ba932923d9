package dev.skeeter.cli;

import dev.skeeter.cli.pubsub.Terminal;
import java.util.List;
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
        subcommands = {CommandLine.HelpCommand.class, BrokerCommand.class, BenchCommand.class, PubCommand.class,
            SubCommand.class, CertCommand.class, PasswdCommand.class})
public final class SkeeterCommand implements Runnable {
    /** Commands that keep running after {@code execute} returns (servers and subscribers stop on their own). */
    private static final Set<String> LONG_RUNNING = Set.of("broker");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return commandLine(Terminal.process());
    }

    /** The command line with pub and sub reading and writing {@code terminal} (tests pass their own). */
    public static CommandLine commandLine(Terminal terminal) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == PubCommand.class) {
                    return (K) new PubCommand(terminal);
                }
                if (type == SubCommand.class) {
                    return (K) new SubCommand(terminal);
                }
                return defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new SkeeterCommand(), factory);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // mosquitto's -F takes '@' codes: an argument starting with '@' is text, not a file of arguments
        commandLine.setExpandAtFiles(false);
        for (String mosquittoLike : List.of("pub", "sub")) {
            CommandLine sub = commandLine.getSubcommands().get(mosquittoLike);
            sub.setUnmatchedOptionsArePositionalParams(true);
            sub.setEndOfOptionsDelimiter("\0"); // "--" is an argument mosquitto's parser sees (and refuses)
        }
        PasswdCommand.configure(commandLine);
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
