package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.CNumbers.atof;
import static dev.skeeter.cli.pubsub.CNumbers.atoi;
import static dev.skeeter.cli.pubsub.UsageException.withHint;

import dev.skeeter.mqtt.Topics;

/** The flags only mosquitto_sub has, plus Skeeter's {@code --json} and {@code --record}. Stateless. */
final class SubFlags {
    private SubFlags() {
    }

    /** Applies {@code flag} and its value; false when sub has no such flag. */
    static boolean apply(ClientOptions o, String flag, FlagArgs a) throws UsageException {
        switch (flag) {
            case "-C" -> {
                o.messageCount = atoi(a.value("Error: -C argument given but no count specified.\n\n"));
                if (o.messageCount < 1) {
                    throw withHint("Error: Invalid message count \"" + o.messageCount + "\".\n\n");
                }
            }
            case "-E" -> o.exitAfterSubscribe = true;
            case "-F" -> {
                o.format = a.value("Error: -F argument given but no format specified.\n\n");
                String problem = OutputFormat.check(o.format);
                if (problem != null) {
                    throw withHint(problem);
                }
            }
            case "-N" -> o.eol = false;
            case "--pretty" -> o.pretty = true;
            case "-R" -> o.noRetain = true;
            case "--random-filter" -> {
                o.randomFilter = (int) (10.0 * atof(a.value(
                        "Error: --random-filter argument given but no chance specified.\n\n")));
                if (o.randomFilter > 10_000 || o.randomFilter < 1) {
                    throw withHint("Error: --random-filter chance must be between 0.1-100.0\n\n");
                }
            }
            case "--remove-retained" -> o.removeRetained = true;
            case "--retain-as-published" -> o.ignoredV5.add(flag);
            case "--retained-only" -> o.retainedOnly = true;
            case "-t", "--topic" -> topic(o, a.value("Error: -t argument given but no topic specified.\n\n"));
            case "-T", "--filter-out" -> {
                String filter = a.value("Error: -T argument given but no topic filter specified.\n\n");
                if (!Topics.isValidTopicFilter(filter)) {
                    throw withHint("Error: Invalid filter topic '" + filter
                            + "', are all '+' and '#' wildcards correct?\n");
                }
                o.filterOuts.add(filter);
            }
            case "-U", "--unsubscribe" -> {
                String filter = a.value("Error: -U argument given but no unsubscribe topic specified.\n\n");
                if (!Topics.isValidTopicFilter(filter)) {
                    throw withHint("Error: Invalid unsubscribe topic '" + filter
                            + "', are all '+' and '#' wildcards correct?\n");
                }
                o.unsubscribeTopics.add(filter);
            }
            case "-v", "--verbose" -> o.verbose = true;
            case "-W" -> {
                int timeout = atoi(a.value("Error: -W argument given but no timeout specified.\n\n"));
                if (timeout < 1) {
                    throw withHint("Error: Invalid timeout \"" + timeout + "\".\n\n");
                }
                o.timeoutSeconds = timeout;
            }
            case "--json" -> o.json = true;
            case "--record" -> o.recordFile = a.value("Error: --record argument given but no file specified.\n\n");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A filter to subscribe to, from {@code -t} or {@code -L}. */
    static void topic(ClientOptions o, String filter) throws UsageException {
        if (!Topics.isValidTopicFilter(filter)) {
            throw withHint("Error: Invalid subscription topic '" + filter
                    + "', are all '+' and '#' wildcards correct?\n");
        }
        o.topics.add(filter);
    }
}
