package dev.skeeter.ui.log;

import java.util.Locale;

/** Severity of a log line, in increasing order. */
public enum LogLevel {
    INFO, WARN, ERROR;

    /** Maps any level name (the client core's, the broker's, slf4j's) onto ours; unknown names are INFO. */
    public static LogLevel of(String name) {
        return switch (name == null ? "" : name.toUpperCase(Locale.ROOT)) {
            case "WARN", "WARNING" -> WARN;
            case "ERROR", "SEVERE", "FATAL" -> ERROR;
            default -> INFO;
        };
    }
}
