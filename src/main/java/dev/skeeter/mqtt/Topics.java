package dev.skeeter.mqtt;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The topic rules of MQTT 3.1.1 section 4.7: validation of topic names and filters, and matching one filter against
 * one topic name. Stateless and thread-safe.
 *
 * <p>The broker's routing structures (its subscription trie and retained store) match many filters at once and do
 * not call {@link #matches}; it is the definition they are tested against.
 */
public final class Topics {
    /** [MQTT-4.7.3-3]: names and filters are UTF-8 strings of at most 65535 bytes. */
    public static final int MAX_TOPIC_BYTES = 65_535;

    private static final char SEPARATOR = '/';
    private static final char SINGLE_LEVEL = '+';
    private static final char MULTI_LEVEL = '#';

    private Topics() {
    }

    /**
     * Checks a topic name as it is published to (a PUBLISH or a will).
     *
     * @throws InvalidTopicException naming the broken rule
     */
    public static void validateTopicName(String name) {
        checkCommon("topic name", name);
        if (name.indexOf(SINGLE_LEVEL) >= 0 || name.indexOf(MULTI_LEVEL) >= 0) {
            throw new InvalidTopicException("topic name", name,
                    "a topic name cannot contain the wildcards '+' or '#' [MQTT-4.7.1-1]");
        }
    }

    /**
     * Checks a topic filter as it is subscribed to (a SUBSCRIBE or UNSUBSCRIBE).
     *
     * @throws InvalidTopicException naming the broken rule
     */
    public static void validateTopicFilter(String filter) {
        checkCommon("topic filter", filter);
        int levelStart = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == SEPARATOR) {
                levelStart = i + 1;
            } else if (c == MULTI_LEVEL || c == SINGLE_LEVEL) {
                boolean aloneInLevel = i == levelStart
                        && (i + 1 == filter.length() || filter.charAt(i + 1) == SEPARATOR);
                if (c == MULTI_LEVEL && (!aloneInLevel || i + 1 != filter.length())) {
                    throw new InvalidTopicException("topic filter", filter,
                            "'#' must be the last level, alone in it (a/#) [MQTT-4.7.1-2]");
                }
                if (!aloneInLevel) {
                    throw new InvalidTopicException("topic filter", filter,
                            "'+' must occupy a whole level (a/+/b) [MQTT-4.7.1-3]");
                }
            }
        }
    }

    /** True when {@code name} is a valid topic name; never throws. */
    public static boolean isValidTopicName(String name) {
        return topicNameProblem(name).isEmpty();
    }

    /** True when {@code filter} is a valid topic filter; never throws. */
    public static boolean isValidTopicFilter(String filter) {
        return topicFilterProblem(filter).isEmpty();
    }

    /** The broken rule ({@link InvalidTopicException#reason()}) when {@code name} is not a valid topic name. */
    public static Optional<String> topicNameProblem(String name) {
        return problem(Topics::validateTopicName, name);
    }

    /** The broken rule ({@link InvalidTopicException#reason()}) when {@code filter} is not a valid topic filter. */
    public static Optional<String> topicFilterProblem(String filter) {
        return problem(Topics::validateTopicFilter, filter);
    }

    private static Optional<String> problem(Consumer<String> rules, String topic) {
        try {
            rules.accept(topic);
            return Optional.empty();
        } catch (InvalidTopicException e) {
            return Optional.of(e.reason());
        }
    }

    /**
     * Does the (valid) {@code filter} match the (valid) {@code topicName}? Levels compare exactly as written, with no
     * normalisation [MQTT-4.7.3-4]; {@code '#'} also matches the parent level ("sport/#" matches "sport"); a filter
     * starting with a wildcard never matches a topic starting with '$' [MQTT-4.7.2-1]. Allocates nothing.
     */
    public static boolean matches(String filter, String topicName) {
        if (isDollarTopic(topicName) && !filter.isEmpty()
                && (filter.charAt(0) == SINGLE_LEVEL || filter.charAt(0) == MULTI_LEVEL)) {
            return false;
        }
        int fEnd = filter.length();
        int tEnd = topicName.length();
        int f = 0; // start of the current filter level; past fEnd when no level is left
        int t = 0; // start of the current topic level; past tEnd when no level is left
        while (f <= fEnd) {
            int fStop = levelEnd(filter, f);
            boolean singleChar = fStop - f == 1;
            if (singleChar && filter.charAt(f) == MULTI_LEVEL) {
                return true; // the rest, including the parent level itself
            }
            if (t > tEnd) {
                return false;
            }
            int tStop = levelEnd(topicName, t);
            boolean plus = singleChar && filter.charAt(f) == SINGLE_LEVEL;
            if (!plus && (fStop - f != tStop - t || !filter.regionMatches(f, topicName, t, fStop - f))) {
                return false;
            }
            f = fStop + 1;
            t = tStop + 1;
        }
        return t > tEnd;
    }

    /** True for topics of the broker's own {@code $SYS} tree, which clients may read but not publish to. */
    public static boolean isSysTopic(String topicName) {
        return topicName.equals("$SYS") || topicName.startsWith("$SYS/");
    }

    /** True for topics starting with '$', which first-level wildcards never match [MQTT-4.7.2-1]. */
    public static boolean isDollarTopic(String topicName) {
        return !topicName.isEmpty() && topicName.charAt(0) == '$';
    }

    /** The end (exclusive) of the level that starts at {@code start}: the next '/' or the end of the topic. */
    public static int levelEnd(String topic, int start) {
        int end = topic.indexOf(SEPARATOR, start);
        return end < 0 ? topic.length() : end;
    }

    private static void checkCommon(String kind, String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new InvalidTopicException(kind, topic, "the " + kind + " is empty [MQTT-4.7.3-1]");
        }
        // Every char encodes to at most 3 bytes (a surrogate pair to 4 for 2 chars), so short strings skip the count.
        boolean mayBeTooLong = topic.length() > MAX_TOPIC_BYTES / 3;
        long bytes = 0;
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '\u0000') {
                throw new InvalidTopicException(kind, topic, "the " + kind + " contains U+0000 (NUL) [MQTT-4.7.3-2]");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < topic.length()
                        && Character.isLowSurrogate(topic.charAt(i + 1));
                if (!paired) {
                    throw new InvalidTopicException(kind, topic, "the " + kind
                            + " contains an unpaired surrogate, which is not well-formed UTF-8 [MQTT-1.5.3-1]");
                }
                i++;
                bytes += 4;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (mayBeTooLong && bytes > MAX_TOPIC_BYTES) {
            throw new InvalidTopicException(kind, topic,
                    "the " + kind + " encodes to " + bytes + " UTF-8 bytes, more than 65535 [MQTT-4.7.3-3]");
        }
    }
}
