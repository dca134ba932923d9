package dev.skeeter.ui.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One line of a Log tab: connection events, subscriptions, errors, broker events. */
public record LogEntry(Instant time, LogLevel level, String text) {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    public String timeText() {
        return TIME.format(time);
    }

    /** The line as copied or saved: full date, level, text. */
    public String toLine() {
        return DATE_TIME.format(time) + " " + String.format("%-5s", level) + " " + text;
    }
}
