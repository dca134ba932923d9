package dev.skeeter.ui.topics;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The number a payload carries, for charts: the whole payload ({@code 21.5}, {@code -3}), or a numeric field of a
 * JSON payload named by its JSON pointer ({@code /sensors/0/temp}). Stateless.
 */
public final class NumericValue {
    /** Payloads longer than this are not numbers worth charting. */
    static final int MAX_NUMBER_BYTES = 64;

    private NumericValue() {
    }

    /** @param pointer a JSON pointer, or empty/null for the whole payload */
    public static OptionalDouble of(byte[] payload, String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return whole(payload);
        }
        JsonNode json = PayloadDiff.json(payload);
        if (json == null) {
            return OptionalDouble.empty();
        }
        JsonNode field = json.at(pointer);
        if (field.isNumber()) {
            return OptionalDouble.of(field.asDouble());
        }
        if (field.isTextual()) {
            return parse(field.asText());
        }
        return OptionalDouble.empty();
    }

    /** The JSON pointers of every numeric field in a JSON payload, in document order; empty for other payloads. */
    public static List<String> numericFields(byte[] payload) {
        List<String> out = new ArrayList<>();
        JsonNode json = PayloadDiff.json(payload);
        if (json != null && json.isContainerNode()) {
            collect("", json, out);
        }
        return out;
    }

    private static void collect(String pointer, JsonNode node, List<String> out) {
        if (node.isNumber()) {
            out.add(pointer);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(pointer + "/" + i, node.get(i), out);
            }
        }
    }

    private static OptionalDouble whole(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_NUMBER_BYTES) {
            return OptionalDouble.empty();
        }
        return parse(new String(payload, StandardCharsets.US_ASCII));
    }

    private static OptionalDouble parse(String text) {
        String s = text.strip();
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.endsWith("."))) {
            return OptionalDouble.empty(); // no "NaN", "Infinity" or "1f" from Double.parseDouble's leniency
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
