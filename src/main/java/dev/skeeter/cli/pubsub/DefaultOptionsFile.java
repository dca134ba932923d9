package dev.skeeter.cli.pubsub;

import dev.skeeter.profiles.ConfigDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The default options of {@code skeeter pub} and {@code skeeter sub}: {@code pub} and {@code sub} in Skeeter's
 * configuration directory (on Linux {@code ~/.config/skeeter/}), one option a line in mosquitto's form: a line
 * starting with {@code #} is a comment, the first word is the flag and the rest of the line, spaces and all, its
 * value. They are read before the command line, which overrides them. Stateless.
 */
public final class DefaultOptionsFile {
    private DefaultOptionsFile() {
    }

    public static Path of(ClientOptions.Tool tool) {
        return ConfigDirectories.configDir().resolve(tool == ClientOptions.Tool.PUB ? "pub" : "sub");
    }

    /** The file's lines, or none when it does not exist or cannot be read (as mosquitto's tools treat theirs). */
    public static List<String> read(ClientOptions.Tool tool) {
        Path file = of(tool);
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** One line as arguments: nothing for a comment or a blank line, else the flag and, if any, its value. */
    static List<String> split(String line) {
        if (line.startsWith("#")) {
            return List.of();
        }
        String trimmed = line.replaceAll("[\r\n]+$", "");
        int start = 0;
        while (start < trimmed.length() && trimmed.charAt(start) == ' ') {
            start++;
        }
        if (start == trimmed.length()) {
            return List.of();
        }
        int space = trimmed.indexOf(' ', start);
        List<String> args = new ArrayList<>();
        if (space < 0) {
            args.add(trimmed.substring(start));
        } else {
            args.add(trimmed.substring(start, space));
            String value = trimmed.substring(space + 1);
            if (!value.isEmpty()) {
                args.add(value);
            }
        }
        return args;
    }
}
