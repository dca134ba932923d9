package dev.skeeter.client;

import java.time.Instant;
import java.util.Objects;

/** One line for a connection's log: connects, subscriptions, errors. Never contains passwords or payloads. */
public record ConnectionEvent(Instant time, Level level, String text) {
    public enum Level { INFO, WARN, ERROR }

    public ConnectionEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    static ConnectionEvent info(String text) {
        return new ConnectionEvent(Instant.now(), Level.INFO, text);
    }

    static ConnectionEvent warn(String text) {
        return new ConnectionEvent(Instant.now(), Level.WARN, text);
    }

    static ConnectionEvent error(String text) {
        return new ConnectionEvent(Instant.now(), Level.ERROR, text);
    }
}
