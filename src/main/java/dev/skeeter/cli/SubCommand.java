package dev.skeeter.cli;

import dev.skeeter.cli.pubsub.ClientOptions;
import dev.skeeter.cli.pubsub.PubSubRun;
import dev.skeeter.cli.pubsub.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code skeeter sub}: mosquitto_sub's flags, output and exit codes. The arguments are read by
 * {@link dev.skeeter.cli.pubsub.OptionParser}, not by picocli, so every flag and error line is mosquitto's.
 */
@Command(name = "sub", description = "Subscribe and print messages, like mosquitto_sub (skeeter sub --help).")
public final class SubCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OPTION", description = "mosquitto_sub's options: run `skeeter sub --help`")
    private List<String> args = new ArrayList<>();

    private final Terminal terminal;

    public SubCommand() {
        this(Terminal.process());
    }

    SubCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new PubSubRun(ClientOptions.Tool.SUB, terminal).execute(args);
    }
}
