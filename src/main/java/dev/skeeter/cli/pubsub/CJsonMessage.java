package dev.skeeter.cli.pubsub;

import dev.skeeter.client.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * mosquitto_sub's {@code %j} and {@code %J} output as Debian's build (with cJSON) writes it, byte for byte: the
 * payload of {@code %j} is a C string (it ends at the first zero byte) escaped as cJSON escapes, and the payload of
 * {@code %J} is parsed and written again the way cJSON does (numbers as {@code %1.15g}, no spaces; with
 * {@code --pretty} tabs and newlines). Values: JSON's null is {@link #NULL}, strings are byte arrays, numbers
 * doubles, an array a {@link JsonArray} and an object a list of entries (keys may repeat, order is kept).
 * Parsing is {@link CJsonParser}'s, writing {@link CJsonWriter}'s. Stateless.
 */
final class CJsonMessage {
    private CJsonMessage() {
    }

    /** The JSON object for one message, or null when {@code escaped} is false and the payload is not JSON. */
    static byte[] message(ReceivedMessage m, ZonedDateTime time, boolean escaped, boolean pretty) {
        Object payload;
        if (m.payload().length == 0) {
            payload = null;
        } else if (escaped) {
            payload = cString(m.payload());
        } else {
            payload = CJsonParser.parse(m.payload());
            if (payload == INVALID) {
                return null;
            }
        }
        List<Map.Entry<byte[], Object>> root = new ArrayList<>();
        String tst = Strftime.format("%Y-%m-%dT%H:%M:%S.", time) + String.format("%06d", time.getNano() / 1000)
                + "Z" + Strftime.format("%z", time);
        root.add(Map.entry(utf8("tst"), utf8(tst)));
        root.add(Map.entry(utf8("topic"), utf8(m.topic())));
        root.add(Map.entry(utf8("qos"), (double) m.qos()));
        root.add(Map.entry(utf8("retain"), m.retained() ? 1.0 : 0.0));
        root.add(Map.entry(utf8("payloadlen"), (double) m.payloadSize()));
        if (m.qos() > 0) {
            root.add(Map.entry(utf8("mid"), (double) m.messageId()));
        }
        root.add(Map.entry(utf8("payload"), payload == null ? NULL : payload));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CJsonWriter.print(root, out, pretty, 0);
        return out.toByteArray();
    }

    /** JSON's null. */
    static final Object NULL = new Object();
    /** What the parser returns for text that is not JSON. */
    static final Object INVALID = new Object();

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes up to the first zero byte, as C string functions see them. */
    private static byte[] cString(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return java.util.Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    /** A JSON array. */
    record JsonArray(List<Object> items) {
    }
}
