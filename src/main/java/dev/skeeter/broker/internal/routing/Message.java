package dev.skeeter.broker.internal.routing;

import java.nio.charset.StandardCharsets;

/**
 * An application message as the broker routes it: immutable and shared by every subscriber it goes to, so the
 * payload is copied out of the network buffer once. The payload array must never be modified.
 */
public final class Message {
    private static final byte[] EMPTY = new byte[0];

    private final String topic;
    /** UTF-8 of the topic, encoded once and shared by every subscriber's encoder; final for safe sharing. */
    private final byte[] topicBytes;
    private final byte[] payload;
    private final int qos;
    private final boolean retain;

    public Message(String topic, byte[] payload, int qos, boolean retain) {
        this(topic, topic.getBytes(StandardCharsets.UTF_8), payload, qos, retain);
    }

    private Message(String topic, byte[] topicBytes, byte[] payload, int qos, boolean retain) {
        this.topic = topic;
        this.topicBytes = topicBytes;
        this.payload = payload.length == 0 ? EMPTY : payload;
        this.qos = qos;
        this.retain = retain;
    }

    public String topic() {
        return topic;
    }

    /** The topic as UTF-8; shared, never to be modified. */
    public byte[] topicBytes() {
        return topicBytes;
    }

    /** Shared, never to be modified. */
    public byte[] payload() {
        return payload;
    }

    public int qos() {
        return qos;
    }

    public boolean retain() {
        return retain;
    }

    /** The same message with another retain flag (live forwards carry 0 [MQTT-3.3.1-9]). */
    public Message withRetain(boolean value) {
        return value == retain ? this : new Message(topic, topicBytes, payload, qos, value);
    }
}
