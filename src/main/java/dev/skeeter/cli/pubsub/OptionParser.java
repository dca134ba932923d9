package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.UsageException.withHint;

import dev.skeeter.cli.pubsub.ClientOptions.Tool;
import java.util.List;

/**
 * Reads mosquitto_pub's and mosquitto_sub's (2.0) flags, in their order and with their error lines, so scripts
 * written for those tools see the same messages: options are read left to right, a later one overrides an earlier
 * one, and numbers are read the way C's {@code atoi} reads them. The flags themselves live in
 * {@link ConnectionFlags}, {@link TlsFlags}, {@link PubFlags} and {@link SubFlags}. Stateless.
 */
public final class OptionParser {
    /** What the command line asks for besides running. */
    public enum Outcome { RUN, HELP, VERSION }

    private OptionParser() {
    }

    /** Reads the default-options file's lines, then the command line, then checks the combination. */
    public static Outcome parse(ClientOptions o, List<String> defaultLines, List<String> args)
            throws UsageException {
        for (String raw : defaultLines) {
            List<String> line = DefaultOptionsFile.split(raw);
            if (!line.isEmpty()) {
                Outcome outcome = parseArgs(o, line);
                if (outcome != Outcome.RUN) {
                    return outcome;
                }
            }
        }
        Outcome outcome = parseArgs(o, args);
        if (outcome != Outcome.RUN) {
            return outcome;
        }
        check(o);
        return Outcome.RUN;
    }

    private static Outcome parseArgs(ClientOptions o, List<String> args) throws UsageException {
        FlagArgs a = new FlagArgs(args);
        while (a.hasNext()) {
            String flag = a.next();
            switch (flag) {
                case "--help" -> {
                    return Outcome.HELP;
                }
                case "--version" -> {
                    return Outcome.VERSION;
                }
                default -> {
                    // a flag of the other tool is unknown here, as in mosquitto
                    boolean known = ConnectionFlags.apply(o, flag, a)
                            || (o.tool == Tool.PUB ? PubFlags.apply(o, flag, a) : SubFlags.apply(o, flag, a));
                    if (!known) {
                        throw UsageException.unknownOption(flag);
                    }
                }
            }
        }
        return Outcome.RUN;
    }

    private static void check(ClientOptions o) throws UsageException {
        if (o.willPayload != null && o.willTopic == null) {
            throw withHint("Error: Will payload given, but no will topic given.\n");
        }
        if (o.willRetain && o.willTopic == null) {
            throw withHint("Error: Will retain given, but no will topic given.\n");
        }
        if ((o.certFile == null) != (o.keyFile == null)) {
            throw withHint("Error: Both certfile and keyfile must be provided if one of them is set.\n");
        }
        if (o.keyForm != null && o.keyFile == null) {
            throw withHint("Error: If keyform is set, keyfile must be also specified.\n");
        }
        if (o.cleanSessionOff && (o.clientIdPrefix != null || o.clientId == null)) {
            throw withHint("Error: You must provide a client id if you are using the -c option.\n");
        }
        if (o.tool == Tool.SUB && o.topics.isEmpty()) {
            throw withHint("Error: You must specify a topic to subscribe to.\n");
        }
    }
}
