package dev.skeeter.ui.connection;

import dev.skeeter.profiles.Profile;

/**
 * A profile's broker address as users write it ({@code mqtt://}, {@code mqtts://}, {@code ws://}, {@code wss://}),
 * the words the profile form uses, rather than Paho's {@code tcp://} and {@code ssl://}.
 */
public final class BrokerAddress {
    private BrokerAddress() {
    }

    public static String scheme(Profile.Transport transport) {
        return switch (transport) {
            case TCP -> "mqtt";
            case TLS -> "mqtts";
            case WEBSOCKET -> "ws";
            case SECURE_WEBSOCKET -> "wss";
        };
    }

    public static String of(Profile profile) {
        String uri = profile.serverUri();
        return scheme(profile.transport()) + uri.substring(uri.indexOf("://"));
    }
}
