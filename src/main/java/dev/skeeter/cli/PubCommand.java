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
 * {@code skeeter pub}: mosquitto_pub's flags, output and exit codes. The arguments are read by
 * {@link dev.skeeter.cli.pubsub.OptionParser}, not by picocli, so every flag and error line is mosquitto's.
 */
@Command(name = "pub", description = "Publish a message, like mosquitto_pub (skeeter pub --help).")
public final class PubCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OPTION", description = "mosquitto_pub's options: run `skeeter pub --help`")
    private List<String> args = new ArrayList<>();

    private final Terminal terminal;

    public PubCommand() {
        this(Terminal.process());
    }

    PubCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new PubSubRun(ClientOptions.Tool.PUB, terminal).execute(args);
    }
}
