package dev.skeeter.client;

import java.time.Instant;
import java.util.List;

/** A message as it arrived, with the subscription filter(s) it matched. */
public record ReceivedMessage(Instant arrival, String topic, int qos, boolean retained, boolean duplicate,
                              byte[] payload, List<String> matchedFilters) {
}
