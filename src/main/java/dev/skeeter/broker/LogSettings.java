package dev.skeeter.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Mosquitto's logging options: where the log goes ({@code log_dest}), which kinds of line it keeps
 * ({@code log_type}), whether lines carry a time stamp ({@code log_timestamp}) and whether connects and disconnects
 * are logged ({@code connection_messages}). The embedded broker honours the types and connection messages; the
 * destinations and time stamps are applied by {@code skeeter broker}, which owns the process's output. Reloaded on
 * SIGHUP. Immutable.
 */
public record LogSettings(List<Destination> destinations, Set<Type> types, boolean timestamp,
                          boolean connectionMessages) {

    /** Mosquitto's defaults: stderr, errors, warnings, notices and information, with time stamps. */
    public static final LogSettings DEFAULTS = new LogSettings(List.of(Destination.STDERR),
            Set.of(Type.ERROR, Type.WARNING, Type.NOTICE, Type.INFORMATION), true, true);

    public LogSettings {
        destinations = List.copyOf(destinations);
        types = Set.copyOf(types);
    }

    /** Mosquitto's {@code log_type} values ({@code all} and {@code none} are sets of these). */
    public enum Type { ERROR, WARNING, NOTICE, INFORMATION, SUBSCRIBE, UNSUBSCRIBE, WEBSOCKETS, DEBUG }

    /** A log destination: stdout, stderr, a file, or none. */
    public record Destination(Kind kind, Path file) {
        public static final Destination STDOUT = new Destination(Kind.STDOUT, null);
        public static final Destination STDERR = new Destination(Kind.STDERR, null);

        public enum Kind { STDOUT, STDERR, FILE }

        public Destination {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.FILE) != (file != null)) {
                throw new IllegalArgumentException("a file destination needs a path, and only it");
            }
        }

        public static Destination file(Path file) {
            return new Destination(Kind.FILE, file);
        }
    }

    public boolean logs(Type type) {
        return types.contains(type);
    }

    public LogSettings withDestinations(List<Destination> value) {
        return new LogSettings(value, types, timestamp, connectionMessages);
    }

    public LogSettings withTypes(Set<Type> value) {
        return new LogSettings(destinations, value, timestamp, connectionMessages);
    }

    public LogSettings withTimestamp(boolean value) {
        return new LogSettings(destinations, types, value, connectionMessages);
    }

    public LogSettings withConnectionMessages(boolean value) {
        return new LogSettings(destinations, types, timestamp, value);
    }
}
