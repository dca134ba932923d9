package dev.skeeter.archfixture.mqtt;

import dev.skeeter.archfixture.client.Connection;

/** Breaks "mqtt needs only the JDK": a topic rule that asks the client. */
public final class TopicsThatConnect {
    public static boolean valid(String topic) {
        return Connection.connected() && !topic.isEmpty();
    }
}
