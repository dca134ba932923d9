package dev.skeeter.ui.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.ui.common.JsonText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes messages to a file: JSON lines (one object per message; payload as UTF-8 text, or base64 with
 * {@code "encoding":"base64"} when it is not text) or CSV (RFC 4180 quoting; binary payloads as
 * {@code base64:...}). Runs on a background thread; stateless.
 */
public final class MessageExporter {
    static final String CSV_HEADER = "time,topic,qos,retained,duplicate,size,subscriptions,payload";

    private MessageExporter() {
    }

    public static void write(Path file, List<ReceivedMessage> messages, ExportFormat format) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (format == ExportFormat.CSV) {
                out.write(CSV_HEADER);
                out.write("\r\n");
            }
            for (ReceivedMessage m : messages) {
                out.write(format == ExportFormat.CSV ? csvLine(m) : jsonLine(m));
                out.write(format == ExportFormat.CSV ? "\r\n" : "\n");
            }
        }
    }

    static String jsonLine(ReceivedMessage m) {
        ObjectNode node = JsonText.mapper().createObjectNode();
        node.put("time", m.arrival().toString());
        node.put("topic", m.topic());
        node.put("qos", m.qos());
        node.put("retained", m.retained());
        node.put("duplicate", m.duplicate());
        var subs = node.putArray("subscriptions");
        m.matchedFilters().forEach(subs::add);
        String text = textOrNull(m.payload());
        if (text != null) {
            node.put("encoding", "utf-8");
            node.put("payload", text);
        } else {
            node.put("encoding", "base64");
            node.put("payload", Base64.getEncoder().encodeToString(m.payload()));
        }
        // The shared mapper indents; an export line must stay on one line.
        return node.toString();
    }

    static String csvLine(ReceivedMessage m) {
        String text = textOrNull(m.payload());
        String payload = text != null ? text : "base64:" + Base64.getEncoder().encodeToString(m.payload());
        return String.join(",", m.arrival().toString(), quote(m.topic()), Integer.toString(m.qos()),
                Boolean.toString(m.retained()), Boolean.toString(m.duplicate()),
                Integer.toString(m.payload().length), quote(String.join(" ", m.matchedFilters())), quote(payload));
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String textOrNull(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
