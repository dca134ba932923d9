package dev.skeeter.client;

/** Where an {@link MqttConnection} stands. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, RECONNECTING, FAILED;

    /** True while the connection is connected or on its way there. */
    public boolean isActive() {
        return this == CONNECTING || this == CONNECTED || this == RECONNECTING;
    }
}
