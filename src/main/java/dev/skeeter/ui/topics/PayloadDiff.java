package dev.skeeter.ui.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two payloads: line by line for text, field by field (JSON pointers) when both are JSON
 * objects or arrays. Plain JDK plus java-diff-utils and Jackson; stateless.
 */
public final class PayloadDiff {
    /** Payloads larger than this are compared by their start only: a diff is for reading, not for megabytes. */
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One line of a diff: {@code ' '} same, {@code '-'} only in the previous, {@code '+'} only in the latest. */
    public record Line(char kind, String text) {
        @Override
        public String toString() {
            return kind + " " + text;
        }
    }

    /** The diff and how it was made ("JSON", "text"), with a summary such as "2 changed, 1 added". */
    public record Result(String how, List<Line> lines, String summary) {
    }

    private PayloadDiff() {
    }

    public static Result diff(byte[] previous, byte[] latest) {
        JsonNode a = json(previous);
        JsonNode b = json(latest);
        if (a != null && b != null && a.isContainerNode() && b.isContainerNode()) {
            return jsonDiff(a, b);
        }
        return textDiff(text(previous), text(latest));
    }

    static Result textDiff(String previous, String latest) {
        List<String> a = previous.lines().toList();
        List<String> b = latest.lines().toList();
        List<Line> out = new ArrayList<>();
        int at = 0;
        int removed = 0;
        int added = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            for (; at < d.getSource().getPosition(); at++) {
                out.add(new Line(' ', a.get(at)));
            }
            for (String s : d.getSource().getLines()) {
                out.add(new Line('-', s));
                removed++;
            }
            for (String s : d.getTarget().getLines()) {
                out.add(new Line('+', s));
                added++;
            }
            at += d.getSource().size();
        }
        for (; at < a.size(); at++) {
            out.add(new Line(' ', a.get(at)));
        }
        String summary = removed == 0 && added == 0 ? "no change" : added + " lines added, " + removed + " removed";
        return new Result("text", out, summary);
    }

    static Result jsonDiff(JsonNode previous, JsonNode latest) {
        Map<String, String> a = flatten(previous);
        Map<String, String> b = flatten(latest);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        List<Line> out = new ArrayList<>();
        int changed = 0;
        int added = 0;
        int removed = 0;
        int same = 0;
        for (String k : keys.keySet()) {
            String was = a.get(k);
            String now = b.get(k);
            if (was == null) {
                out.add(new Line('+', k + " = " + now));
                added++;
            } else if (now == null) {
                out.add(new Line('-', k + " = " + was));
                removed++;
            } else if (!was.equals(now)) {
                out.add(new Line('-', k + " = " + was));
                out.add(new Line('+', k + " = " + now));
                changed++;
            } else {
                same++;
            }
        }
        String summary = changed == 0 && added == 0 && removed == 0 ? "no change (" + same + " fields)"
                : changed + " changed, " + added + " added, " + removed + " removed, " + same + " unchanged";
        return new Result("JSON", out, summary);
    }

    /** Every leaf by its JSON pointer, e.g. {@code /sensors/0/temp}; values as JSON text. */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String pointer, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.put(pointer.isEmpty() ? "/" : pointer, "{}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(pointer.isEmpty() ? "/" : pointer, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(pointer + "/" + i, node.get(i), out);
            }
        } else {
            out.put(pointer.isEmpty() ? "/" : pointer, node.toString());
        }
    }

    static JsonNode json(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_BYTES) {
            return null;
        }
        try {
            return MAPPER.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(byte[] payload) {
        int n = Math.min(payload.length, MAX_BYTES);
        return new String(payload, 0, n, StandardCharsets.UTF_8);
    }
}
