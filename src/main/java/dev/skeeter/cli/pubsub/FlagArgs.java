package dev.skeeter.cli.pubsub;

import java.util.List;

/** The command-line arguments left to read, left to right. Confined to the parsing thread. */
final class FlagArgs {
    private final List<String> args;
    private int next;

    FlagArgs(List<String> args) {
        this.args = args;
    }

    boolean hasNext() {
        return next < args.size();
    }

    String next() {
        return args.get(next++);
    }

    String peek() {
        return args.get(next);
    }

    /** The flag's value; {@code missing} is mosquitto's error line when the command line ends first. */
    String value(String missing) throws UsageException {
        if (!hasNext()) {
            throw UsageException.withHint(missing);
        }
        return next();
    }
}
