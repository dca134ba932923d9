package dev.skeeter.broker.internal.protocol;

/** A packet broke a rule that closes the connection [MQTT-4.8.0-1]; the message says which, for the log. */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message, null, false, false);
    }
}
