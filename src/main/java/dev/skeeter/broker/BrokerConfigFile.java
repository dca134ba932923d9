package dev.skeeter.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a mosquitto-style configuration file: one option per line, {@code #} comments, blank lines. Supported so
 * far: {@code listener PORT [ADDRESS]}, {@code port PORT}, the limits {@code max_inflight_messages},
 * {@code max_queued_messages}, {@code max_packet_size} and {@code message_size_limit} (0 = no limit, as in
 * mosquitto), and, so that a mosquitto file for the same setup is accepted, {@code set_tcp_nodelay} (the broker
 * always sets it), {@code persistence false}, {@code allow_anonymous true}, {@code user}, {@code log_dest} and
 * {@code log_type} (which change nothing here). Any other line is an error naming the file and line.
 */
public final class BrokerConfigFile {
    private static final int MAX_PACKET_IDS = 65_535;
    /** A PINGREQ is 2 bytes; anything smaller would refuse every packet. */
    private static final int MIN_PACKET_SIZE = 2;

    private BrokerConfigFile() {
    }

    /** Parses the file into a builder's settings; throws {@link ConfigException} for the first bad line. */
    public static BrokerConfig parse(Path file) throws IOException {
        return parse(file, BrokerConfig.builder()).build();
    }

    /** Applies the file's options to {@code builder} (which may already hold defaults) and returns it. */
    public static BrokerConfig.Builder parse(Path file, BrokerConfig.Builder builder) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.toString(); // as the user gave it, e.g. "skeeter.conf:7: unknown option 'foo'"
        for (int i = 0; i < lines.size(); i++) {
            parseLine(name, i + 1, lines.get(i), builder);
        }
        return builder;
    }

    private static void parseLine(String file, int lineNumber, String raw, BrokerConfig.Builder builder) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        String[] words = line.split("\\s+");
        switch (words[0]) {
            case "listener" -> {
                if (words.length < 2 || words.length > 3) {
                    throw error(file, lineNumber, "expected 'listener PORT [ADDRESS]'");
                }
                builder.listener(port(file, lineNumber, words[1]), words.length == 3 ? words[2] : "0.0.0.0");
            }
            case "port" -> {
                if (words.length != 2) {
                    throw error(file, lineNumber, "expected 'port PORT'");
                }
                // As in mosquitto, the deprecated 'port' option listens on every interface.
                builder.listener(port(file, lineNumber, words[1]), "0.0.0.0");
            }
            case "max_inflight_messages" -> {
                // mosquitto: 0 = no limit; packet ids cap the window at 65535.
                int value = count(file, lineNumber, words);
                builder.maxInflightMessages(value == 0 ? MAX_PACKET_IDS : Math.min(value, MAX_PACKET_IDS));
            }
            case "max_queued_messages" -> builder.maxQueuedMessages(count(file, lineNumber, words));
            case "message_size_limit" -> builder.messageSizeLimit(count(file, lineNumber, words));
            case "max_packet_size" -> {
                int value = count(file, lineNumber, words);
                if (value != 0 && value < MIN_PACKET_SIZE) {
                    throw error(file, lineNumber, "max_packet_size must be 0 or at least " + MIN_PACKET_SIZE);
                }
                builder.maxPacketSize(value == 0 ? BrokerConfig.PROTOCOL_MAX_PACKET_SIZE
                        : Math.min(value, BrokerConfig.PROTOCOL_MAX_PACKET_SIZE));
            }
            case "set_tcp_nodelay" -> bool(file, lineNumber, words); // TCP_NODELAY is always on here
            case "persistence" -> requireValue(file, lineNumber, words, "false",
                    "sessions and retained messages are kept in memory only");
            case "allow_anonymous" -> requireValue(file, lineNumber, words, "true",
                    "authentication is not configurable from the file yet");
            case "user", "log_dest", "log_type" -> {
                // Harmless here: the broker never changes user, and logs through logback.
                if (words.length < 2) {
                    throw error(file, lineNumber, "expected '" + words[0] + " VALUE'");
                }
            }
            default -> throw error(file, lineNumber, "unknown option '" + words[0] + "'");
        }
    }

    private static int count(String file, int lineNumber, String[] words) {
        if (words.length != 2) {
            throw error(file, lineNumber, "expected '" + words[0] + " NUMBER'");
        }
        try {
            int value = Integer.parseInt(words[1]);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(file, lineNumber, "invalid " + words[0] + " '" + words[1] + "' (expected a number >= 0)");
    }

    private static boolean bool(String file, int lineNumber, String[] words) {
        if (words.length == 2 && (words[1].equals("true") || words[1].equals("false"))) {
            return words[1].equals("true");
        }
        throw error(file, lineNumber, "expected '" + words[0] + " true|false'");
    }

    private static void requireValue(String file, int lineNumber, String[] words, String only, String why) {
        bool(file, lineNumber, words);
        if (!words[1].equals(only)) {
            throw error(file, lineNumber, "'" + words[0] + " " + words[1] + "' is not supported: " + why);
        }
    }

    private static int port(String file, int lineNumber, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(file, lineNumber, "invalid port '" + text + "'");
    }

    private static ConfigException error(String file, int lineNumber, String message) {
        return new ConfigException(file + ":" + lineNumber + ": " + message);
    }

    /** A configuration file problem; the message names the file and line, e.g. "skeeter.conf:7: unknown option". */
    public static final class ConfigException extends IllegalArgumentException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
