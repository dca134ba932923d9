package dev.skeeter.client;

/**
 * Observes one {@link MqttConnection}. Every method runs on the connection's own thread, one call at a time and in
 * order, never on Paho's threads or the FX thread. An implementation returns quickly (it hands work on, e.g. to an
 * {@code FxBatcher}); it may call the connection's methods but must not wait on their futures, which complete on
 * that same thread.
 */
public interface ConnectionListener {
    /** {@code failure} is null unless {@code current} is FAILED or RECONNECTING. */
    default void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
    }

    /** {@link ReceivedMessage#matchedFilters()} says which subscriptions it came through: do not match again. */
    default void messageArrived(ReceivedMessage message) {
    }

    /** Connects, subscriptions and errors, for a log view. */
    default void event(ConnectionEvent event) {
    }
}
