package dev.skeeter.ui.subscribe;

import dev.skeeter.mqtt.Topics;
import dev.skeeter.ui.common.TopicProblems;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Turns the search field into a row filter. Text with {@code +} or {@code #} that is a valid filter matches
 * topics the MQTT way; other text matches topics and/or payload text case-insensitively. Stateless.
 */
public final class MessageSearch {
    /** What the search text is compared with. */
    public enum Scope {
        TOPIC_AND_PAYLOAD("Topic + payload"), TOPIC("Topic"), PAYLOAD("Payload");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private MessageSearch() {
    }

    /** The filter for {@code text}; null (show all) when the text is blank. */
    public static Predicate<MessageRow> predicate(String text, Scope scope) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip();
        boolean wildcard = (needle.contains("+") || needle.contains("#"))
                && TopicProblems.ofFilter(needle).isEmpty();
        Predicate<MessageRow> byTopic = wildcard
                ? row -> Topics.matches(needle, row.topic())
                : row -> containsIgnoreCase(row.topic(), needle);
        String lower = needle.toLowerCase(Locale.ROOT);
        Predicate<MessageRow> byPayload = row -> row.searchText().contains(lower);
        return switch (scope) {
            case TOPIC -> byTopic;
            case PAYLOAD -> byPayload;
            case TOPIC_AND_PAYLOAD -> byTopic.or(byPayload);
        };
    }

    private static boolean containsIgnoreCase(String haystack, String needle) {
        int n = needle.length();
        for (int i = 0; i + n <= haystack.length(); i++) {
            if (haystack.regionMatches(true, i, needle, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
