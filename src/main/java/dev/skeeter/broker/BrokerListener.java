package dev.skeeter.broker;

/** Callbacks from the broker, called on its event-loop threads: return quickly and never block. */
public interface BrokerListener {

    default void clientConnected(ClientInfo client) {
    }

    /** {@code reason} says why, e.g. "disconnected", "keepalive expired", "taken over", "protocol error: ...". */
    default void clientDisconnected(ClientInfo client, String reason) {
    }

    default void log(BrokerLogEvent event) {
    }
}
