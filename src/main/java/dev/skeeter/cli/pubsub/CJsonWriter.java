package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.CJsonMessage.NULL;
import static dev.skeeter.cli.pubsub.CJsonMessage.utf8;

import dev.skeeter.cli.pubsub.CJsonMessage.JsonArray;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Writes {@link CJsonMessage}'s values as cJSON prints them: compact, or with tabs and newlines. Stateless. */
final class CJsonWriter {
    private CJsonWriter() {
    }

    @SuppressWarnings("unchecked")
    static void print(Object value, ByteArrayOutputStream out, boolean pretty, int depth) {
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
            for (int i = 0; i < array.items().size(); i++) {
                print(array.items().get(i), out, pretty, depth + 1);
                if (i < array.items().size() - 1) {
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
}
