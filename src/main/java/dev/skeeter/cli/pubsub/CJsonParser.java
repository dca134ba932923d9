package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.CJsonMessage.INVALID;
import static dev.skeeter.cli.pubsub.CJsonMessage.NULL;
import static dev.skeeter.cli.pubsub.CJsonMessage.utf8;

import dev.skeeter.cli.pubsub.CJsonMessage.JsonArray;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a payload as {@code cJSON_ParseWithOpts(payload, &end, true)} does in mosquitto_sub's {@code %J}, with the
 * end checked against the payload's length. Stateless.
 */
final class CJsonParser {
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int NESTING_LIMIT = 1000;

    private CJsonParser() {
    }

    /** The payload's value, or {@link CJsonMessage#INVALID} when it is not JSON as cJSON reads it. */
    static Object parse(byte[] payload) {
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
