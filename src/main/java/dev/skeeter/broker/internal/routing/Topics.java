package dev.skeeter.broker.internal.routing;

/**
 * The topic rules of MQTT 3.1.1 section 4.7: validation of topic names and filters, and a plain reference matcher.
 * Stateless and thread-safe.
 *
 * <p>The routing structures ({@link SubscriptionTrie}, {@link RetainedStore}) do not call {@link #matches}; it is
 * the simple, obviously-correct definition they are tested against, and a helper for code that needs to test a
 * single filter against a single topic.
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
     * Checks a topic name as it arrives in a PUBLISH (or a will).
     *
     * @throws InvalidTopicException naming the broken rule
     */
    public static void validateTopicName(String name) {
        checkCommon("topic name", name);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == SINGLE_LEVEL || c == MULTI_LEVEL) {
                throw new InvalidTopicException("topic name", name,
                        "wildcard '" + c + "' is not allowed in a topic name [MQTT-4.7.1-1]");
            }
        }
    }

    /**
     * Checks a topic filter as it arrives in a SUBSCRIBE or UNSUBSCRIBE.
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
            } else if (c == MULTI_LEVEL) {
                boolean aloneInLevel = i == levelStart && (i + 1 == filter.length() || filter.charAt(i + 1) == SEPARATOR);
                if (!aloneInLevel) {
                    throw new InvalidTopicException("topic filter", filter,
                            "'#' must occupy a whole level [MQTT-4.7.1-2]");
                }
                if (i + 1 != filter.length()) {
                    throw new InvalidTopicException("topic filter", filter,
                            "'#' must be the last level [MQTT-4.7.1-2]");
                }
            } else if (c == SINGLE_LEVEL) {
                boolean aloneInLevel = i == levelStart && (i + 1 == filter.length() || filter.charAt(i + 1) == SEPARATOR);
                if (!aloneInLevel) {
                    throw new InvalidTopicException("topic filter", filter,
                            "'+' must occupy a whole level [MQTT-4.7.1-3]");
                }
            }
        }
    }

    /** True when {@code name} is a valid topic name; never throws. */
    public static boolean isValidTopicName(String name) {
        try {
            validateTopicName(name);
            return true;
        } catch (InvalidTopicException e) {
            return false;
        }
    }

    /** True when {@code filter} is a valid topic filter; never throws. */
    public static boolean isValidTopicFilter(String filter) {
        try {
            validateTopicFilter(filter);
            return true;
        } catch (InvalidTopicException e) {
            return false;
        }
    }

    /**
     * The reference matcher: does the (valid) {@code filter} match the (valid) {@code topicName}? Compares levels
     * exactly as written, with no normalisation [MQTT-4.7.3-4]; {@code '#'} also matches the parent level
     * ("sport/#" matches "sport"); a filter starting with a wildcard never matches a topic starting with '$'
     * [MQTT-4.7.2-1].
     */
    public static boolean matches(String filter, String topicName) {
        if (topicName.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] filterLevels = filter.split("/", -1);
        String[] topicLevels = topicName.split("/", -1);
        for (int i = 0; i < filterLevels.length; i++) {
            String level = filterLevels[i];
            if (level.equals("#")) {
                return true;
            }
            if (i >= topicLevels.length) {
                return false;
            }
            if (!level.equals("+") && !level.equals(topicLevels[i])) {
                return false;
            }
        }
        return filterLevels.length == topicLevels.length;
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
    static int levelEnd(String topic, int start) {
        int end = topic.indexOf(SEPARATOR, start);
        return end < 0 ? topic.length() : end;
    }

    private static void checkCommon(String kind, String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new InvalidTopicException(kind, topic, "must be at least one character long [MQTT-4.7.3-1]");
        }
        // Every char encodes to at most 3 bytes (a surrogate pair to 4 for 2 chars), so short strings skip the count.
        boolean mayBeTooLong = topic.length() > MAX_TOPIC_BYTES / 3;
        long bytes = 0;
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '\u0000') {
                throw new InvalidTopicException(kind, topic, "must not contain U+0000 [MQTT-4.7.3-2]");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < topic.length()
                        && Character.isLowSurrogate(topic.charAt(i + 1));
                if (!paired) {
                    throw new InvalidTopicException(kind, topic,
                            "contains an unpaired surrogate, which is not well-formed UTF-8 [MQTT-1.5.3-1]");
                }
                i++;
                bytes += 4;
            } else {
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
        }
        if (mayBeTooLong && bytes > MAX_TOPIC_BYTES) {
            throw new InvalidTopicException(kind, topic,
                    "encodes to " + bytes + " UTF-8 bytes, more than 65535 [MQTT-4.7.3-3]");
        }
    }
}
