package dev.skeeter.client;

/** Completes a failed {@link MqttConnection#connect()} future; carries the failure in words. */
public final class ConnectionException extends Exception {
    private final transient ConnectionFailure failure;

    public ConnectionException(ConnectionFailure failure, Throwable cause) {
        super(failure.summary(), cause);
        this.failure = failure;
    }

    public ConnectionFailure failure() {
        return failure;
    }
}
