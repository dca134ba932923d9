package dev.skeeter.cli.pubsub;

import dev.skeeter.client.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mosquitto_sub's {@code %j} and {@code %J} output as Debian's build (with cJSON) writes it, byte for byte: the
 * payload of {@code %j} is a C string (it ends at the first zero byte) escaped as cJSON escapes, and the payload of
 * {@code %J} is parsed and written again the way cJSON does (numbers as {@code %1.15g}, no spaces; with
 * {@code --pretty} tabs and newlines). Stateless.
 */
final class CJson {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int NESTING_LIMIT = 1000;

    private CJson() {
    }

    /** The JSON object for one message, or null when {@code escaped} is false and the payload is not JSON. */
    static byte[] message(ReceivedMessage m, ZonedDateTime time, boolean escaped, boolean pretty) {
        Object payload;
        if (m.payload().length == 0) {
            payload = null;
        } else if (escaped) {
            payload = cString(m.payload());
        } else {
            payload = parse(m.payload());
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
        print(root, out, pretty, 0);
        return out.toByteArray();
    }

    private static final Object NULL = new Object();
    private static final Object INVALID = new Object();

    private static byte[] utf8(String s) {
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

    // ---- printing ----

    @SuppressWarnings("unchecked")
    private static void print(Object value, ByteArrayOutputStream out, boolean pretty, int depth) {
        if (value == NULL) {
            out.writeBytes(utf8("null"));
        } else if (value instanceof Boolean b) {
            out.writeBytes(utf8(b ? "true" : "false"));
        } else if (value instanceof Double d) {
            out.writeBytes(utf8(number(d)));
        } else if (value instanceof byte[] s) {
            string(s, out);
        } else if (value instanceof JsonArray array) {
            out.write('[');
            for (int i = 0; i < array.items.size(); i++) {
                print(array.items.get(i), out, pretty, depth + 1);
                if (i < array.items.size() - 1) {
                    out.write(',');
                    if (pretty) {
                        out.write(' ');
                    }
                }
            }
            out.write(']');
        } else if (value instanceof List<?> object) {
            int inner = depth + 1;
            out.write('{');
            if (pretty) {
                out.write('\n');
            }
            List<Map.Entry<byte[], Object>> entries = (List<Map.Entry<byte[], Object>>) object;
            for (int i = 0; i < entries.size(); i++) {
                if (pretty) {
                    tabs(out, inner);
                }
                string(entries.get(i).getKey(), out);
                out.write(':');
                if (pretty) {
                    out.write('\t');
                }
                print(entries.get(i).getValue(), out, pretty, inner);
                if (i < entries.size() - 1) {
                    out.write(',');
                }
                if (pretty) {
                    out.write('\n');
                }
            }
            if (pretty) {
                tabs(out, inner - 1);
            }
            out.write('}');
        }
    }

    private static void tabs(ByteArrayOutputStream out, int n) {
        for (int i = 0; i < n; i++) {
            out.write('\t');
        }
    }

    private static void string(byte[] s, ByteArrayOutputStream out) {
        out.write('"');
        for (byte b : s) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> out.writeBytes(utf8("\\\""));
                case '\\' -> out.writeBytes(utf8("\\\\"));
                case '\b' -> out.writeBytes(utf8("\\b"));
                case '\f' -> out.writeBytes(utf8("\\f"));
                case '\n' -> out.writeBytes(utf8("\\n"));
                case '\r' -> out.writeBytes(utf8("\\r"));
                case '\t' -> out.writeBytes(utf8("\\t"));
                default -> {
                    if (c < 32) {
                        out.writeBytes(utf8(String.format("\\u%04x", c)));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    /** {@code %1.15g}, or {@code %1.17g} when 15 digits do not give the number back; NaN and infinity as null. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "null";
        }
        String text = g(d, 15);
        double back = Double.parseDouble(text);
        if (Math.abs(back - d) > Math.max(Math.abs(back), Math.abs(d)) * Math.ulp(1.0)) {
            text = g(d, 17);
        }
        return text;
    }

    /** C's {@code %.Pg}: P significant digits, trailing zeros removed, exponent form outside 1e-4..1eP. */
    static String g(double d, int precision) {
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            String digits = rounded.unscaledValue().abs().toString();
            String fraction = digits.substring(1).replaceAll("0+$", "");
            return (rounded.signum() < 0 ? "-" : "") + digits.charAt(0) + (fraction.isEmpty() ? "" : "." + fraction)
                    + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = rounded.setScale(Math.max(0, precision - 1 - exponent), RoundingMode.HALF_EVEN)
                .toPlainString();
        if (plain.contains(".")) {
            plain = plain.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return plain;
    }

    // ---- parsing, as cJSON_ParseWithOpts(payload, &end, true) with the end checked against the length ----

    private static Object parse(byte[] payload) {
        for (byte b : payload) {
            if (b == 0) {
                return INVALID; // cJSON stops at the zero byte, short of the payload's end
            }
        }
        Parser p = new Parser(payload);
        p.skipBom();
        p.skipWhitespace();
        Object value = p.value(0);
        if (value == INVALID) {
            return INVALID;
        }
        p.skipWhitespace();
        return p.pos == payload.length ? value : INVALID;
    }

    /** A JSON array; a JSON object is a list of entries (keys may repeat, order is kept). */
    private record JsonArray(List<Object> items) {
    }

    private static final class Parser {
        private final byte[] s;
        private int pos;

        Parser(byte[] s) {
            this.s = s;
        }

        void skipBom() {
            if (s.length >= 3 && (s[0] & 0xff) == 0xEF && (s[1] & 0xff) == 0xBB && (s[2] & 0xff) == 0xBF) {
                pos = 3;
            }
        }

        void skipWhitespace() {
            while (pos < s.length && (s[pos] & 0xff) <= 32) {
                pos++;
            }
        }

        private boolean startsWith(String word) {
            byte[] w = utf8(word);
            if (pos + w.length > s.length) {
                return false;
            }
            for (int i = 0; i < w.length; i++) {
                if (s[pos + i] != w[i]) {
                    return false;
                }
            }
            return true;
        }

        Object value(int depth) {
            if (pos >= s.length) {
                return INVALID;
            }
            if (startsWith("null")) {
                pos += 4;
                return NULL;
            }
            if (startsWith("false")) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (startsWith("true")) {
                pos += 4;
                return Boolean.TRUE;
            }
            byte c = s[pos];
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            if (c == '[') {
                return depth >= NESTING_LIMIT ? INVALID : array(depth + 1);
            }
            if (c == '{') {
                return depth >= NESTING_LIMIT ? INVALID : object(depth + 1);
            }
            return INVALID;
        }

        private Object number() {
            int end = pos;
            while (end < s.length && "0123456789+-eE.".indexOf(s[end]) >= 0) {
                end++;
            }
            Matcher m = NUMBER.matcher(new String(s, pos, end - pos, StandardCharsets.US_ASCII));
            if (!m.lookingAt()) {
                return INVALID;
            }
            pos += m.end();
            return Double.parseDouble(m.group());
        }

        private Object string() {
            int end = pos + 1;
            while (end < s.length && s[end] != '"') {
                end += s[end] == '\\' ? 2 : 1;
            }
            if (end >= s.length) {
                return INVALID;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = pos + 1; i < end; i++) {
                if (s[i] != '\\') {
                    out.write(s[i]);
                    continue;
                }
                i++;
                switch (s[i]) {
                    case 'b' -> out.write('\b');
                    case 'f' -> out.write('\f');
                    case 'n' -> out.write('\n');
                    case 'r' -> out.write('\r');
                    case 't' -> out.write('\t');
                    case '"', '\\', '/' -> out.write(s[i]);
                    case 'u' -> {
                        int consumed = unicode(i - 1, end, out);
                        if (consumed == 0) {
                            return INVALID;
                        }
                        i += consumed - 2;
                    }
                    default -> {
                        return INVALID;
                    }
                }
            }
            pos = end + 1;
            return out.toByteArray();
        }

        /** A {@code \\uXXXX} escape (a surrogate pair takes two) at {@code at}; the bytes read, 0 if invalid. */
        private int unicode(int at, int end, ByteArrayOutputStream out) {
            int first = hex4(at + 2, end);
            if (first < 0 || (first >= 0xDC00 && first <= 0xDFFF)) {
                return 0;
            }
            int codePoint = first;
            int length = 6;
            if (first >= 0xD800 && first <= 0xDBFF) {
                if (at + 11 >= end + 1 || s[at + 6] != '\\' || s[at + 7] != 'u') {
                    return 0;
                }
                int second = hex4(at + 8, end);
                if (second < 0xDC00 || second > 0xDFFF) {
                    return 0;
                }
                codePoint = 0x10000 + (((first & 0x3FF) << 10) | (second & 0x3FF));
                length = 12;
            }
            out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
            return length;
        }

        private int hex4(int at, int end) {
            if (at + 4 > end) {
                return -1;
            }
            try {
                return Integer.parseInt(new String(s, at, 4, StandardCharsets.US_ASCII), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private Object array(int depth) {
            pos++;
            List<Object> items = new ArrayList<>();
            skipWhitespace();
            if (pos < s.length && s[pos] == ']') {
                pos++;
                return new JsonArray(items);
            }
            while (true) {
                skipWhitespace();
                Object item = value(depth);
                if (item == INVALID) {
                    return INVALID;
                }
                items.add(item);
                skipWhitespace();
                if (pos < s.length && s[pos] == ',') {
                    pos++;
                } else if (pos < s.length && s[pos] == ']') {
                    pos++;
                    return new JsonArray(items);
                } else {
                    return INVALID;
                }
            }
        }

        private Object object(int depth) {
            pos++;
            List<Map.Entry<byte[], Object>> entries = new ArrayList<>();
            skipWhitespace();
            if (pos < s.length && s[pos] == '}') {
                pos++;
                return entries;
            }
            while (true) {
                skipWhitespace();
                if (pos >= s.length || s[pos] != '"') {
                    return INVALID;
                }
                Object key = string();
                if (key == INVALID) {
                    return INVALID;
                }
                skipWhitespace();
                if (pos >= s.length || s[pos] != ':') {
                    return INVALID;
                }
                pos++;
                skipWhitespace();
                Object value = value(depth);
                if (value == INVALID) {
                    return INVALID;
                }
                entries.add(Map.entry((byte[]) key, value));
                skipWhitespace();
                if (pos < s.length && s[pos] == ',') {
                    pos++;
                } else if (pos < s.length && s[pos] == '}') {
                    pos++;
                    return entries;
                } else {
                    return INVALID;
                }
            }
        }
    }
}
