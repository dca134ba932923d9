package dev.skeeter.client.recording;

import java.util.concurrent.CompletableFuture;

/** Where a replay sends messages; {@code MqttConnection::publish} fits. */
@FunctionalInterface
public interface Publisher {
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain);
}
