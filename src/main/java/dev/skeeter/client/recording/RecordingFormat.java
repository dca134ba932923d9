package dev.skeeter.client.recording;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.payload.PayloadCodecs;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One line of a recording, as JSON:
 * <pre>{"time":"2026-11-27T10:15:30.123456Z","topic":"a/b","qos":1,"retain":false,"dup":false,
 *  "filters":["a/#"],"encoding":"utf8","payload":"hello"}</pre>
 * {@code encoding} is {@code "utf8"} when the payload is valid UTF-8 (then {@code payload} is the text) and
 * {@code "base64"} otherwise. Unknown fields are ignored when reading; {@code dup} and {@code filters} are
 * optional.
 */
public final class RecordingFormat {
    static final String UTF8 = "utf8";
    static final String BASE64 = "base64";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RecordingFormat() {
    }

    /** A generator that writes lines to {@code out}; the caller flushes and closes it. */
    static JsonGenerator lineWriter(OutputStream out) throws IOException {
        JsonGenerator generator = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.setRootValueSeparator(null); // lines are separated by writeLine's own newline
        return generator;
    }

    /** Writes one message as one line, newline included. JSON strings escape every newline inside them. */
    static void writeLine(JsonGenerator g, ReceivedMessage m) throws IOException {
        g.writeStartObject();
        g.writeStringField("time", m.arrival().toString());
        g.writeStringField("topic", m.topic());
        g.writeNumberField("qos", m.qos());
        g.writeBooleanField("retain", m.retained());
        g.writeBooleanField("dup", m.duplicate());
        g.writeArrayFieldStart("filters");
        for (String filter : m.matchedFilters()) {
            g.writeString(filter);
        }
        g.writeEndArray();
        if (PayloadCodecs.isValidUtf8(m.payload())) {
            g.writeStringField("encoding", UTF8);
            g.writeStringField("payload", new String(m.payload(), StandardCharsets.UTF_8));
        } else {
            g.writeStringField("encoding", BASE64);
            g.writeStringField("payload", Base64.getEncoder().encodeToString(m.payload()));
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /** One line without its newline (for tools such as {@code skeeter sub --json}, and tests). */
    public static String toLine(ReceivedMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = lineWriter(out)) {
            writeLine(g, m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8).stripTrailing();
    }

    /** Parses one line; {@code lineNumber} (1-based) and {@code source} only go into the error message. */
    static ReceivedMessage fromLine(String line, int lineNumber, String source) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(source, lineNumber, "not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (node == null || !node.isObject()) {
            throw bad(source, lineNumber, "not a JSON object");
        }
        Instant time;
        try {
            time = Instant.parse(text(node, "time", source, lineNumber));
        } catch (DateTimeParseException e) {
            throw bad(source, lineNumber, "\"time\" is not an ISO-8601 instant");
        }
        String topic = text(node, "topic", source, lineNumber);
        JsonNode qosNode = node.get("qos");
        if (qosNode == null || !qosNode.isInt() || qosNode.asInt() < 0 || qosNode.asInt() > 2) {
            throw bad(source, lineNumber, "\"qos\" must be 0, 1 or 2");
        }
        boolean retain = node.path("retain").asBoolean(false);
        boolean dup = node.path("dup").asBoolean(false);
        List<String> filters = new ArrayList<>();
        node.path("filters").forEach(f -> filters.add(f.asText()));
        String encoding = node.path("encoding").asText(UTF8);
        String payloadText = text(node, "payload", source, lineNumber);
        byte[] payload = switch (encoding) {
            case UTF8 -> payloadText.getBytes(StandardCharsets.UTF_8);
            case BASE64 -> {
                try {
                    yield Base64.getDecoder().decode(payloadText);
                } catch (IllegalArgumentException e) {
                    throw bad(source, lineNumber, "\"payload\" is not valid base64");
                }
            }
            default -> throw bad(source, lineNumber, "unknown encoding \"" + encoding + "\" (utf8 or base64)");
        };
        return new ReceivedMessage(time, topic, qosNode.asInt(), retain, dup, payload, filters);
    }

    private static String text(JsonNode node, String field, String source, int lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw bad(source, lineNumber, "\"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }

    private static RecordingFormatException bad(String source, int lineNumber, String why) {
        return new RecordingFormatException(source + ", line " + lineNumber + ": " + why, lineNumber);
    }
}
