package dev.skeeter.ui.status;

import java.util.Locale;
import java.util.Map;

/**
 * The names each broker gives its {@code $SYS} values: which schema a topic is evidence of, and which
 * {@link Metric} it carries and in what form. Names follow each broker's documentation: mosquitto 2's
 * {@code mosquitto(8)} (also Skeeter's broker), EMQX 5's "System Topic" page (metric names with {@code .} or
 * {@code /}, one subtree per node, uptime in milliseconds) and HiveMQ 3's SYS topic plugin (totals under
 * {@code messages/publish/}, byte totals under {@code load/bytes/}, loads per second). Stateless.
 */
public final class SysTopics {
    /** How a payload is read. Loads are moving averages the broker computed; they become rates per second. */
    public enum Form { TEXT, NUMBER, UPTIME_SECONDS, UPTIME_MILLIS, LOAD_PER_MINUTE, LOAD_PER_SECOND }

    /** A recognised value: {@code node} is "" for single-node schemas. */
    public record Reading(String node, Metric metric, Form form) {
    }

    static final String BROKER = "$SYS/broker/";
    static final String BROKERS = "$SYS/brokers/";

    private static final Map<String, Metric> COMMON = Map.ofEntries(
            Map.entry("version", Metric.VERSION),
            Map.entry("clients/connected", Metric.CLIENTS_CONNECTED),
            Map.entry("clients/maximum", Metric.CLIENTS_MAXIMUM),
            Map.entry("clients/total", Metric.CLIENTS_TOTAL),
            Map.entry("subscriptions/count", Metric.SUBSCRIPTIONS),
            Map.entry("messages/received", Metric.MESSAGES_RECEIVED),
            Map.entry("messages/sent", Metric.MESSAGES_SENT));
    private static final Map<String, Metric> MOSQUITTO = Map.ofEntries(
            Map.entry("retained messages/count", Metric.RETAINED),
            Map.entry("messages/stored", Metric.STORED),
            Map.entry("heap/current", Metric.HEAP),
            Map.entry("publish/messages/received", Metric.PUBLISH_RECEIVED),
            Map.entry("publish/messages/sent", Metric.PUBLISH_SENT),
            Map.entry("publish/messages/dropped", Metric.PUBLISH_DROPPED),
            Map.entry("bytes/received", Metric.BYTES_RECEIVED),
            Map.entry("bytes/sent", Metric.BYTES_SENT));
    private static final Map<String, Metric> HIVEMQ = Map.ofEntries(
            Map.entry("messages/retained/count", Metric.RETAINED),
            Map.entry("messages/publish/received", Metric.PUBLISH_RECEIVED),
            Map.entry("messages/publish/sent", Metric.PUBLISH_SENT),
            Map.entry("messages/publish/dropped", Metric.PUBLISH_DROPPED),
            Map.entry("load/bytes/received", Metric.BYTES_RECEIVED),
            Map.entry("load/bytes/sent", Metric.BYTES_SENT));
    /** The same load topics in mosquitto (per minute) and HiveMQ (per second). */
    private static final Map<String, Metric> LOADS = Map.ofEntries(
            Map.entry("load/messages/received/1min", Metric.MESSAGES_RECEIVED),
            Map.entry("load/messages/sent/1min", Metric.MESSAGES_SENT),
            Map.entry("load/publish/received/1min", Metric.PUBLISH_RECEIVED),
            Map.entry("load/publish/sent/1min", Metric.PUBLISH_SENT),
            Map.entry("load/publish/dropped/1min", Metric.PUBLISH_DROPPED),
            Map.entry("load/bytes/received/1min", Metric.BYTES_RECEIVED),
            Map.entry("load/bytes/sent/1min", Metric.BYTES_SENT));
    private static final Map<String, Metric> EMQX = Map.ofEntries(
            Map.entry("version", Metric.VERSION),
            Map.entry("stats/connections/count", Metric.CLIENTS_CONNECTED),
            Map.entry("stats/connections/max", Metric.CLIENTS_MAXIMUM),
            Map.entry("stats/sessions/count", Metric.CLIENTS_TOTAL),
            Map.entry("stats/subscriptions/count", Metric.SUBSCRIPTIONS),
            Map.entry("stats/retained/count", Metric.RETAINED),
            Map.entry("metrics/packets/received", Metric.MESSAGES_RECEIVED),
            Map.entry("metrics/packets/sent", Metric.MESSAGES_SENT),
            Map.entry("metrics/messages/received", Metric.PUBLISH_RECEIVED),
            Map.entry("metrics/messages/sent", Metric.PUBLISH_SENT),
            Map.entry("metrics/messages/dropped", Metric.PUBLISH_DROPPED),
            Map.entry("metrics/bytes/received", Metric.BYTES_RECEIVED),
            Map.entry("metrics/bytes/sent", Metric.BYTES_SENT));

    private SysTopics() {
    }

    /** The schema this message is evidence of, or UNKNOWN when it fits several (or none). */
    public static SysSchema evidence(String topic, String payload) {
        if (topic.startsWith(BROKERS) && topic.length() > BROKERS.length()) {
            return SysSchema.EMQX;
        }
        if (!topic.startsWith(BROKER)) {
            return SysSchema.UNKNOWN;
        }
        String rest = topic.substring(BROKER.length());
        if (rest.equals("version")) {
            String v = payload.toLowerCase(Locale.ROOT);
            return v.startsWith("mosquitto") || v.startsWith("skeeter") ? SysSchema.MOSQUITTO : SysSchema.UNKNOWN;
        }
        if (MOSQUITTO.containsKey(rest) && !HIVEMQ.containsKey(rest) || rest.startsWith("publish/messages/")
                || rest.startsWith("store/") || rest.startsWith("load/bytes/") && rest.endsWith("min")) {
            return SysSchema.MOSQUITTO;
        }
        if (HIVEMQ.containsKey(rest) && !MOSQUITTO.containsKey(rest) || rest.startsWith("messages/publish/")) {
            return SysSchema.HIVEMQ;
        }
        return SysSchema.UNKNOWN;
    }

    /** What the topic carries under {@code schema}, or null when it is not one the cards or charts use. */
    public static Reading read(SysSchema schema, String topic) {
        return switch (schema) {
            case MOSQUITTO -> single(topic, MOSQUITTO, Form.LOAD_PER_MINUTE);
            case HIVEMQ -> single(topic, HIVEMQ, Form.LOAD_PER_SECOND);
            case EMQX -> emqx(topic);
            case UNKNOWN -> null;
        };
    }

    private static Reading single(String topic, Map<String, Metric> own, Form loadForm) {
        if (!topic.startsWith(BROKER)) {
            return null;
        }
        String rest = topic.substring(BROKER.length());
        if (rest.equals("uptime")) {
            return new Reading("", Metric.UPTIME, Form.UPTIME_SECONDS);
        }
        Metric m = own.get(rest);
        if (m == null) {
            m = COMMON.get(rest);
        }
        if (m != null) {
            return new Reading("", m, m.kind() == Metric.Kind.TEXT ? Form.TEXT : Form.NUMBER);
        }
        Metric load = LOADS.get(rest);
        return load == null ? null : new Reading("", load, loadForm);
    }

    private static Reading emqx(String topic) {
        if (!topic.startsWith(BROKERS)) {
            return null;
        }
        int slash = topic.indexOf('/', BROKERS.length());
        if (slash < 0) {
            return null;
        }
        String node = topic.substring(BROKERS.length(), slash);
        String rest = topic.substring(slash + 1).replace('.', '/');
        if (rest.equals("uptime")) {
            return new Reading(node, Metric.UPTIME, Form.UPTIME_MILLIS);
        }
        Metric m = EMQX.get(rest);
        return m == null ? null : new Reading(node, m, m.kind() == Metric.Kind.TEXT ? Form.TEXT : Form.NUMBER);
    }

    /**
     * The number a payload holds, or NaN: "123", "1.5", "1.2E-4", and mosquitto's "123 seconds" (the leading
     * number).
     */
    public static double number(String payload) {
        String s = payload.trim();
        int end = s.indexOf(' ');
        if (end > 0) {
            s = s.substring(0, end);
        }
        if (s.isEmpty() || s.length() > 40) {
            return Double.NaN;
        }
        char c = s.charAt(0);
        if (!(c >= '0' && c <= '9') && c != '-' && c != '.') {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
