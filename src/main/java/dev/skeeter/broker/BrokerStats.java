package dev.skeeter.broker;

/**
 * An immutable snapshot of a broker's counters since it started.
 *
 * @param clientsConnected clients connected right now
 * @param sessions sessions known (connected plus persistent offline ones)
 * @param messagesReceived PUBLISH packets received from clients
 * @param messagesSent PUBLISH packets sent to clients (resends included)
 * @param bytesReceived bytes read from sockets
 * @param bytesSent bytes written to sockets
 * @param messagesDropped messages not delivered: queues full, slow subscribers, over {@code message_size_limit}
 * @param retainedMessages retained messages stored
 * @param subscriptions subscriptions across all sessions
 */
public record BrokerStats(int clientsConnected, int sessions, long messagesReceived, long messagesSent,
        long bytesReceived, long bytesSent, long messagesDropped, int retainedMessages, int subscriptions) {
}
