package dev.skeeter.ui.connection;

import dev.skeeter.client.ConnectionState;

/** Words for connection states, shared by the workspace header and the profile list. */
public final class StateText {
    private StateText() {
    }

    public static String of(ConnectionState state) {
        return switch (state) {
            case DISCONNECTED -> "Disconnected";
            case CONNECTING -> "Connecting…";
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Reconnecting…";
            case FAILED -> "Failed";
        };
    }
}
