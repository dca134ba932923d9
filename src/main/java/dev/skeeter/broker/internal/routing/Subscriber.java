package dev.skeeter.broker.internal.routing;

/**
 * Whatever a subscription delivers to: the broker's sessions. Routing knows nothing more of them, so the session
 * layer above depends on routing and never the other way round. Implementations are thread-safe: every
 * connection's event loop offers to them at once.
 */
public interface Subscriber {
    /**
     * Hands a message over for delivery at {@code qos}. Returns true when this subscriber is congested: the publisher
     * should then slow down (back-pressure).
     */
    boolean offer(Message message, int qos);
}
