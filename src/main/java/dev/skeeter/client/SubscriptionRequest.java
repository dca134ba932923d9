package dev.skeeter.client;

import dev.skeeter.mqtt.Topics;

/** A topic filter to subscribe to, with the QoS asked for (0, 1 or 2). */
public record SubscriptionRequest(String filter, int qos) {
    public SubscriptionRequest {
        Topics.validateTopicFilter(filter);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2, not " + qos);
        }
    }
}
