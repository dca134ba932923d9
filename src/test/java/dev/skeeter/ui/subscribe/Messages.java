package dev.skeeter.ui.subscribe;

import dev.skeeter.client.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Test messages. */
final class Messages {
    private Messages() {
    }

    static ReceivedMessage text(String topic, String payload, String... filters) {
        return new ReceivedMessage(Instant.now(), topic, 1, false, false, payload.getBytes(StandardCharsets.UTF_8),
                List.of(filters));
    }

    static ReceivedMessage bytes(String topic, byte[] payload, boolean retained, String... filters) {
        return new ReceivedMessage(Instant.now(), topic, 0, retained, false, payload, List.of(filters));
    }

    static MessageRow row(long seq, String topic, String payload) {
        return new MessageRow(seq, text(topic, payload), null);
    }
}
