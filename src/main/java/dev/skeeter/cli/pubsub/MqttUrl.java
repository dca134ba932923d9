package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.CNumbers.atoi;
import static dev.skeeter.cli.pubsub.UsageException.withHint;

import java.util.Locale;

/** The {@code -L} URL: {@code mqtt(s)://[user[:password]@]host[:port]/topic}, and Skeeter's ws:// and wss://. */
final class MqttUrl {
    private MqttUrl() {
    }

    /** Sets transport, host, port, credentials and the topic from {@code url}, as mosquitto reads it. */
    static void apply(ClientOptions o, String url) throws UsageException {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("mqtt://")) {
            o.transport = "mqtt";
            rest = url.substring(7);
        } else if (lower.startsWith("mqtts://")) {
            o.transport = "mqtts";
            rest = url.substring(8);
        } else if (lower.startsWith("ws://")) {
            o.transport = "ws";
            rest = url.substring(5);
        } else if (lower.startsWith("wss://")) {
            o.transport = "wss";
            rest = url.substring(6);
        } else {
            throw withHint("Error: unsupported URL scheme.\n\n");
        }
        o.port = null;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw withHint("Error: Invalid URL for -L argument specified - topic missing.\n");
        }
        if (o.tool == ClientOptions.Tool.PUB) {
            PubFlags.topic(o, rest.substring(slash + 1));
        } else {
            SubFlags.topic(o, rest.substring(slash + 1));
        }
        String authority = rest.substring(0, slash);
        int at = authority.indexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                o.password = userInfo.substring(colon + 1);
                userInfo = userInfo.substring(0, colon);
            }
            o.username = userInfo;
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            o.port = atoi(authority.substring(colon + 1));
            authority = authority.substring(0, colon);
        }
        o.host = authority;
    }
}
