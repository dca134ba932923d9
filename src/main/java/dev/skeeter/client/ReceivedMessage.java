package dev.skeeter.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message as a client received it. Immutable by convention: the payload array is not copied (messages arrive by
 * the hundred thousand), so neither the producer nor any reader may modify it.
 *
 * @param arrival        when the client received it
 * @param topic          the topic name it was published to
 * @param qos            the QoS it was delivered with (0..2)
 * @param retained       the retain flag: a retained message sent on subscribe
 * @param duplicate      the DUP flag: a redelivery
 * @param payload        the payload bytes, never null
 * @param matchedFilters the subscription filters that match the topic (several when filters overlap)
 * @param messageId      the packet identifier it arrived with (0 for QoS 0, and for messages not from a broker)
 */
public record ReceivedMessage(Instant arrival, String topic, int qos, boolean retained, boolean duplicate,
        byte[] payload, List<String> matchedFilters, int messageId) {

    public ReceivedMessage {
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(topic, "topic");
        payload = payload == null ? new byte[0] : payload;
        matchedFilters = matchedFilters == null ? List.of() : List.copyOf(matchedFilters);
    }

    /** A message without a packet identifier (read from a recording, made in a test). */
    public ReceivedMessage(Instant arrival, String topic, int qos, boolean retained, boolean duplicate,
            byte[] payload, List<String> matchedFilters) {
        this(arrival, topic, qos, retained, duplicate, payload, matchedFilters, 0);
    }

    public int payloadSize() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedMessage m && arrival.equals(m.arrival) && topic.equals(m.topic) && qos == m.qos
                && retained == m.retained && duplicate == m.duplicate && Arrays.equals(payload, m.payload)
                && matchedFilters.equals(m.matchedFilters) && messageId == m.messageId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(arrival, topic, qos, retained, duplicate, Arrays.hashCode(payload), matchedFilters,
                messageId);
    }

    /** Leaves the payload out: it may be large or secret, and must not end up in logs. */
    @Override
    public String toString() {
        return "ReceivedMessage[arrival=" + arrival + ", topic=" + topic + ", qos=" + qos + ", retained=" + retained
                + ", duplicate=" + duplicate + ", payload=" + payload.length + " bytes, matchedFilters="
                + matchedFilters + ", messageId=" + messageId + "]";
    }
}
