package dev.skeeter.mqtt;

/**
 * A topic name or topic filter that breaks the rules of MQTT 3.1.1 section 4.7. The broker treats it as a malformed
 * packet and closes the connection; forms show {@link #reason()}, which says which rule was broken in words a person
 * can act on, ending with its spec statement id.
 */
public final class InvalidTopicException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 80;

    private final String reason;

    InvalidTopicException(String kind, String topic, String reason) {
        super("invalid " + kind + " '" + shorten(topic) + "': " + reason);
        this.reason = reason;
    }

    /** The broken rule in words, e.g. "'#' must be the last level, alone in it (a/#) [MQTT-4.7.1-2]". */
    public String reason() {
        return reason;
    }

    // A topic may be 64 KiB long; the message only needs enough of it to be recognised in a log line.
    private static String shorten(String topic) {
        if (topic == null) {
            return "null";
        }
        var printable = topic.replace("\u0000", "\\u0000");
        return printable.length() <= MAX_SHOWN ? printable : printable.substring(0, MAX_SHOWN) + "...";
    }
}
