package dev.skeeter.broker;

import java.time.Instant;

/**
 * A line of the broker's log for embedders (the app's Log tab): connects, disconnects with their reason, protocol
 * errors, and with packet logging on one line per packet. {@code clientId} is null when not known yet.
 */
public record BrokerLogEvent(Instant time, Level level, String clientId, String message) {

    public enum Level { DEBUG, INFO, WARN, ERROR }
}
