package dev.skeeter.client;

/**
 * MQTT 3.1.1 topic rules for the client side: validation of what a person types in a form, and matching a topic
 * name against a subscription filter (to tell which subscription a message came through). Stateless.
 */
public final class TopicFilters {
    /** Topic names and filters are UTF-8 strings of at most 65535 bytes [MQTT-4.7.3-3]. */
    private static final int MAX_UTF8_BYTES = 65_535;

    private TopicFilters() {
    }

    /** True when {@code topicName} matches {@code filter}. Both are assumed valid. */
    public static boolean matches(String filter, String topicName) {
        // [MQTT-4.7.2-1] a filter starting with a wildcard never matches a topic starting with '$'
        if (topicName.startsWith("$") && (filter.startsWith("#") || filter.startsWith("+"))) {
            return false;
        }
        int fEnd = filter.length();
        int tEnd = topicName.length();
        int f = 0; // start of the current filter level; past fEnd when no level is left
        int t = 0; // start of the current topic level; past tEnd when no level is left
        while (f <= fEnd) {
            int fStop = levelEnd(filter, f);
            boolean singleChar = fStop - f == 1;
            if (singleChar && filter.charAt(f) == '#') {
                return true; // the rest, including the parent level itself: "a/#" matches "a" [MQTT-4.7.1-2]
            }
            if (t > tEnd) {
                return false;
            }
            int tStop = levelEnd(topicName, t);
            boolean plus = singleChar && filter.charAt(f) == '+';
            if (!plus && (fStop - f != tStop - t || !filter.regionMatches(f, topicName, t, fStop - f))) {
                return false;
            }
            f = fStop + 1;
            t = tStop + 1;
        }
        return t > tEnd;
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }

    /** Throws {@link IllegalArgumentException} with a reason a person can act on when the filter is invalid. */
    public static void validateFilter(String filter) {
        checkCommon(filter, "topic filter");
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            boolean startsLevel = i == 0 || filter.charAt(i - 1) == '/';
            boolean endsLevel = i == filter.length() - 1 || filter.charAt(i + 1) == '/';
            if (c == '#') {
                // [MQTT-4.7.1-2] '#' alone in its level and last
                if (!startsLevel || i != filter.length() - 1) {
                    throw new IllegalArgumentException("'#' must be the last character, alone in its level (a/#)");
                }
            } else if (c == '+' && (!startsLevel || !endsLevel)) {
                // [MQTT-4.7.1-3] '+' occupies a whole level
                throw new IllegalArgumentException("'+' must occupy a whole level (a/+/b)");
            }
        }
    }

    /** Throws {@link IllegalArgumentException} with a reason when the name cannot be published to. */
    public static void validateTopicName(String topicName) {
        checkCommon(topicName, "topic");
        // [MQTT-3.3.2-2] no wildcards in a PUBLISH topic name
        if (topicName.indexOf('#') >= 0 || topicName.indexOf('+') >= 0) {
            throw new IllegalArgumentException("a topic to publish to cannot contain the wildcards '+' or '#'");
        }
    }

    /** A reason the filter is invalid, or null when it is valid; for forms that show errors inline. */
    public static String filterProblem(String filter) {
        try {
            validateFilter(filter);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** A reason the topic name is invalid, or null when it is valid. */
    public static String topicNameProblem(String topicName) {
        try {
            validateTopicName(topicName);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void checkCommon(String value, String what) {
        if (value == null || value.isEmpty()) {
            // [MQTT-4.7.3-1] at least one character
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        if (value.indexOf('\u0000') >= 0) {
            // [MQTT-4.7.3-2] no U+0000
            throw new IllegalArgumentException("the " + what + " contains a NUL character");
        }
        if (value.length() * 3 > MAX_UTF8_BYTES
                && value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException("the " + what + " is longer than 65535 bytes");
        }
    }
}
