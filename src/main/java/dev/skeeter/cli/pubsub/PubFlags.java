package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.CNumbers.atof;
import static dev.skeeter.cli.pubsub.CNumbers.atoi;
import static dev.skeeter.cli.pubsub.UsageException.withHint;

import dev.skeeter.cli.pubsub.ClientOptions.MessageMode;
import dev.skeeter.mqtt.Topics;

/** The flags only mosquitto_pub has, plus Skeeter's {@code --replay}, {@code --speed} and {@code --max}. Stateless. */
final class PubFlags {
    private PubFlags() {
    }

    /** Applies {@code flag} and its value; false when pub has no such flag. */
    static boolean apply(ClientOptions o, String flag, FlagArgs a) throws UsageException {
        switch (flag) {
            case "-f", "--file" -> {
                oneMode(o);
                o.file = a.value("Error: -f argument given but no file specified.\n\n");
                o.mode = MessageMode.FILE;
            }
            case "-l", "--stdin-line" -> {
                oneMode(o);
                o.mode = MessageMode.STDIN_LINE;
            }
            case "-m", "--message" -> {
                oneMode(o);
                o.message = a.value("Error: -m argument given but no message specified.\n\n");
                o.mode = MessageMode.COMMAND_LINE;
            }
            case "-n", "--null-message" -> {
                oneMode(o);
                o.mode = MessageMode.NULL_MESSAGE;
            }
            case "-r", "--retain" -> o.retain = true;
            case "--repeat" -> {
                o.repeatCount = atoi(a.value("Error: --repeat argument given but no count specified.\n\n"));
                if (o.repeatCount < 1) {
                    throw withHint("Error: --repeat argument must be >0.\n\n");
                }
            }
            case "--repeat-delay" -> {
                o.repeatDelaySeconds = atof(a.value("Error: --repeat-delay argument given but no time specified.\n\n"));
                if (o.repeatDelaySeconds < 0) {
                    throw withHint("Error: --repeat-delay argument must be >=0.0.\n\n");
                }
            }
            case "-s", "--stdin-file" -> {
                oneMode(o);
                o.mode = MessageMode.STDIN_FILE;
            }
            case "-t", "--topic" -> topic(o, a.value("Error: -t argument given but no topic specified.\n\n"));
            case "--replay" -> {
                oneMode(o);
                o.replayFile = a.value("Error: --replay argument given but no file specified.\n\n");
                o.mode = MessageMode.REPLAY;
            }
            case "--speed" -> {
                o.replaySpeed = atof(a.value("Error: --speed argument given but no speed specified.\n\n"));
                if (!(o.replaySpeed > 0) || Double.isInfinite(o.replaySpeed)) {
                    throw withHint("Error: --speed must be a number greater than 0 (2 replays twice as fast).\n\n");
                }
            }
            case "--max" -> o.replaySpeed = 0;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The topic to publish to, from {@code -t} or {@code -L}. */
    static void topic(ClientOptions o, String topic) throws UsageException {
        if (!Topics.isValidTopicName(topic)) {
            throw withHint("Error: Invalid publish topic '" + topic + "', does it contain '+' or '#'?\n");
        }
        o.topic = topic;
    }

    private static void oneMode(ClientOptions o) throws UsageException {
        if (o.mode != MessageMode.NONE) {
            throw withHint("Error: Only one type of message can be sent at once.\n\n");
        }
    }
}
