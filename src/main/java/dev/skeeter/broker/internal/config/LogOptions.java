package dev.skeeter.broker.internal.config;

import dev.skeeter.broker.LogSettings;
import dev.skeeter.broker.LogSettings.Destination;
import dev.skeeter.broker.LogSettings.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Mosquitto's {@code log_dest}, {@code log_type}, {@code log_timestamp} and {@code connection_messages}. As in
 * mosquitto, the first {@code log_dest} (or {@code log_type}) line replaces the default and later ones add to it.
 * Not thread-safe.
 */
final class LogOptions {
    private static final List<String> DESTINATIONS = List.of("stdout", "stderr", "file", "syslog", "topic", "dlt",
            "none");
    private static final List<String> TYPES = List.of("error", "warning", "notice", "information", "subscribe",
            "unsubscribe", "websockets", "debug", "all", "none");

    private final Problems problems;
    private List<Destination> destinations;
    private Set<Type> types;
    private boolean timestamp = LogSettings.DEFAULTS.timestamp();
    private boolean connectionMessages = LogSettings.DEFAULTS.connectionMessages();

    LogOptions(Problems problems) {
        this.problems = problems;
    }

    void destination(ConfigLine line) {
        String kind = line.args().isEmpty() ? "" : line.args().get(0);
        if (!DESTINATIONS.contains(kind)) {
            problems.error(line, "log_dest: expected stdout, stderr, file PATH, syslog, topic, dlt or none, found "
                    + (line.rest().isEmpty() ? "nothing" : "'" + line.rest() + "'"));
            return;
        }
        if (destinations == null) {
            destinations = new ArrayList<>();
        }
        switch (kind) {
            case "stdout" -> destinations.add(Destination.STDOUT);
            case "stderr" -> destinations.add(Destination.STDERR);
            case "file" -> {
                String path = line.rest().substring(kind.length()).strip();
                if (path.isEmpty()) {
                    problems.error(line, "log_dest file: missing file name (expected log_dest file PATH)");
                } else {
                    destinations.add(Destination.file(Path.of(path)));
                }
            }
            case "none" -> destinations.clear();
            default -> problems.warning(line, "log_dest " + kind + " is not supported; ignored (use stdout, stderr "
                    + "or file PATH)");
        }
    }

    void type(ConfigLine line) {
        if (line.args().size() != 1 || !TYPES.contains(line.args().get(0))) {
            problems.error(line, "log_type: expected one of " + String.join(", ", TYPES) + ", found "
                    + (line.rest().isEmpty() ? "nothing" : "'" + line.rest() + "'"));
            return;
        }
        if (types == null) {
            types = EnumSet.noneOf(Type.class);
        }
        switch (line.args().get(0)) {
            case "all" -> types.addAll(EnumSet.allOf(Type.class));
            case "none" -> types.clear();
            default -> types.add(Type.valueOf(line.args().get(0).toUpperCase(java.util.Locale.ROOT)));
        }
    }

    void timestamp(boolean value) {
        timestamp = value;
    }

    void connectionMessages(boolean value) {
        connectionMessages = value;
    }

    LogSettings build() {
        return new LogSettings(destinations == null ? LogSettings.DEFAULTS.destinations() : destinations,
                types == null ? LogSettings.DEFAULTS.types() : types, timestamp, connectionMessages);
    }
}
