package dev.skeeter.client;

/**
 * Observes one {@link MqttConnection}. Every method runs on the connection's event executor, never on Paho's
 * callback thread, so an implementation may call back into the connection (even block on its futures when the
 * executor is not the one completing them).
 */
public interface ConnectionListener {
    /** {@code failure} is null unless {@code current} is FAILED or RECONNECTING. */
    default void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
    }

    default void messageArrived(ReceivedMessage message) {
    }

    /** Connects, subscriptions and errors, for a log view. */
    default void event(ConnectionEvent event) {
    }
}
