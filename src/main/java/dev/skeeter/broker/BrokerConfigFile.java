package dev.skeeter.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a mosquitto-style configuration file: one option per line, {@code #} comments, blank lines. Supported so
 * far: {@code listener PORT [ADDRESS]} and {@code port PORT}. Any other line is an error naming the file and line.
 */
public final class BrokerConfigFile {
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
            default -> throw error(file, lineNumber, "unknown option '" + words[0] + "'");
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
