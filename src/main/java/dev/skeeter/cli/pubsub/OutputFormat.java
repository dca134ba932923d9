package dev.skeeter.cli.pubsub;

import dev.skeeter.client.ReceivedMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * mosquitto_sub's {@code -F} format: {@code %} codes for the message (with mosquitto's flags {@code -} and
 * {@code 0}, field width and precision, counted in bytes as C counts them), {@code @} codes passed to strftime,
 * and {@code \} escapes. The MQTT v5 property codes print what mosquitto prints when a message has no such property.
 * Stateless apart from its configuration; {@link #render} may run on any thread.
 */
final class OutputFormat {
    private static final String CODES = "%ACDEFIlmPpqRStjJUxXr";

    private final byte[] format;
    private final boolean pretty;
    private final ZoneId zone;

    OutputFormat(String format, boolean pretty, ZoneId zone) {
        this.format = format.getBytes(StandardCharsets.UTF_8);
        this.pretty = pretty;
        this.zone = zone;
    }

    /** mosquitto's check of a {@code -F} string: null when valid, else the error line. */
    static String check(String format) {
        byte[] s = format.getBytes(StandardCharsets.UTF_8);
        int len = s.length;
        for (int i = 0; i < len; i++) {
            if (s[i] == '%') {
                if (i == len - 1) {
                    return "Error: Incomplete format specifier.\n";
                }
                if (s[i + 1] == '0' || s[i + 1] == '-') {
                    i++;
                    if (i == len - 1) {
                        return "Error: Incomplete format specifier.\n";
                    }
                }
                while (isDigit(at(s, i + 1))) {
                    i++;
                    if (i == len - 1) {
                        return "Error: Incomplete format specifier.\n";
                    }
                }
                if (at(s, i + 1) == '.') {
                    i++;
                    if (i == len - 1) {
                        return "Error: Incomplete format specifier.\n";
                    }
                    while (isDigit(at(s, i + 1))) {
                        i++;
                        if (i == len - 1) {
                            return "Error: Incomplete format specifier.\n";
                        }
                    }
                }
                int code = at(s, i + 1);
                if (code == 0 || CODES.indexOf(code) < 0) {
                    return "Error: Invalid format specifier '" + (char) (code & 0xff) + "'.\n";
                }
                i++;
            } else if (s[i] == '@') {
                if (i == len - 1) {
                    return "Error: Incomplete format specifier.\n";
                }
                i++;
            } else if (s[i] == '\\') {
                if (i == len - 1) {
                    return "Error: Incomplete escape specifier.\n";
                }
                if ("\\0aenrtv".indexOf(s[i + 1]) < 0) {
                    return "Error: Invalid escape specifier '" + (char) (s[i + 1] & 0xff) + "'.\n";
                }
                i++;
            }
        }
        return null;
    }

    private static int at(byte[] s, int i) {
        return i < s.length ? s[i] : 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Appends one message's output to {@code out} (no end of line); problems (bad JSON) go to {@code err}. */
    void render(ReceivedMessage m, ByteArrayOutputStream out, PrintStream err) {
        ZonedDateTime time = m.arrival().atZone(zone);
        byte[] f = format;
        int len = f.length;
        for (int i = 0; i < len; i++) {
            byte c = f[i];
            if (c == '%') {
                if (i >= len - 1) {
                    continue;
                }
                char align = 0;
                char pad = ' ';
                int width = 0;
                int precision = -1;
                i++;
                if (f[i] == '-') {
                    align = '-';
                    if (i < len - 1) {
                        i++;
                    }
                }
                if (f[i] == '0') {
                    pad = '0';
                    if (i < len - 1) {
                        i++;
                    }
                }
                while (i < len - 1 && isDigit(f[i])) {
                    width = width * 10 + (f[i] - '0');
                    i++;
                }
                if (f[i] == '.' && i < len - 1) {
                    i++;
                    precision = 0;
                    while (i < len - 1 && isDigit(f[i])) {
                        precision = precision * 10 + (f[i] - '0');
                        i++;
                    }
                }
                percent(m, time, (char) f[i], align, pad, width, precision, out, err);
            } else if (c == '@') {
                if (i < len - 1) {
                    i++;
                    if (f[i] == '@') {
                        out.write('@');
                    } else if (f[i] == 'N') {
                        ascii(out, String.format("%09d", time.getNano()));
                    } else {
                        out.writeBytes(Strftime.format("%" + (char) f[i], time)
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else if (c == '\\') {
                if (i < len - 1) {
                    i++;
                    switch (f[i]) {
                        case '\\' -> out.write('\\');
                        case '0' -> out.write(0);
                        case 'a' -> out.write(7);
                        case 'e' -> out.write(27);
                        case 'n' -> out.write('\n');
                        case 'r' -> out.write('\r');
                        case 't' -> out.write('\t');
                        case 'v' -> out.write(11);
                        default -> {
                        }
                    }
                }
            } else {
                out.write(c);
            }
        }
    }

    private void percent(ReceivedMessage m, ZonedDateTime time, char code, char align, char pad, int width,
                         int precision, ByteArrayOutputStream out, PrintStream err) {
        switch (code) {
            case '%' -> out.write('%');
            case 'A', 'E', 'F', 'S' -> blank(out, pad, width);   // MQTT v5 numeric properties: absent
            case 'C' -> blank(out, ' ', width);
            case 'D', 'P', 'R' -> {
                // MQTT v5 correlation data, user and response topic properties: absent, nothing printed
            }
            case 'I' -> text(out, Strftime.format("%FT%T%z", time).getBytes(StandardCharsets.UTF_8), align, width,
                    precision);
            case 'j', 'J' -> {
                byte[] json = CJsonMessage.message(m, time, code == 'j', pretty);
                if (json == null) {
                    err.print("Error: Message payload is not valid JSON on topic " + m.topic() + ".\n");
                    err.flush();
                } else {
                    out.writeBytes(json);
                }
            }
            case 'l' -> number(out, m.payloadSize(), align, pad, width);
            case 'm' -> number(out, m.messageId(), align, pad, width);
            case 'p' -> payload(out, m.payload(), 0, align, pad, width);
            case 'q' -> out.write('0' + m.qos());
            case 'r' -> out.write(m.retained() ? '1' : '0');
            case 't' -> text(out, m.topic().getBytes(StandardCharsets.UTF_8), align, width, precision);
            case 'U' -> ascii(out, time.toEpochSecond() + "." + String.format("%09d", time.getNano()));
            case 'x' -> payload(out, m.payload(), 1, align, pad, width);
            case 'X' -> payload(out, m.payload(), 2, align, pad, width);
            default -> {
            }
        }
    }

    private static void blank(ByteArrayOutputStream out, char pad, int width) {
        for (int i = 0; i < width; i++) {
            out.write(pad);
        }
    }

    private static void number(ByteArrayOutputStream out, int value, char align, char pad, int width) {
        String text;
        if (width == 0) {
            text = Integer.toString(value);
        } else if (align == '-') {
            text = String.format("%-" + width + "d", value);
        } else if (pad == '0') {
            text = String.format("%0" + width + "d", value);
        } else {
            text = String.format("%" + width + "d", value);
        }
        ascii(out, text);
    }

    /** printf's {@code %-W.Ps} on bytes. */
    private static void text(ByteArrayOutputStream out, byte[] value, char align, int width, int precision) {
        int length = precision >= 0 ? Math.min(precision, value.length) : value.length;
        int padding = Math.max(0, width - length);
        if (align != '-') {
            blank(out, ' ', padding);
        }
        out.write(value, 0, length);
        if (align == '-') {
            blank(out, ' ', padding);
        }
    }

    /**
     * The payload raw or in hex, as mosquitto writes it: a field width also cuts the payload to that many bytes
     * (half as many in hex), and a left-aligned field is padded by the negated pad length when no width is given.
     */
    private static void payload(ByteArrayOutputStream out, byte[] payload, int hex, char align, char pad,
                                int width) {
        int length = payload.length;
        int padding;
        if (width > 0) {
            length = Math.min(length, width);
            if (hex > 0) {
                length /= 2;
                padding = width - length * 2;
            } else {
                padding = width - length;
            }
        } else {
            padding = width - length;
        }
        if (align != '-') {
            blank(out, pad, padding);
        }
        if (hex == 0) {
            out.write(payload, 0, length);
        } else {
            String digits = hex == 1 ? "0123456789abcdef" : "0123456789ABCDEF";
            for (int i = 0; i < length; i++) {
                out.write(digits.charAt((payload[i] >> 4) & 0xf));
                out.write(digits.charAt(payload[i] & 0xf));
            }
        }
        if (align == '-') {
            blank(out, ' ', Math.abs(padding)); // printf("%*s", negative, "") pads left-aligned to |width|
        }
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
