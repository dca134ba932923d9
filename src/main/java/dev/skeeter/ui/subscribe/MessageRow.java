package dev.skeeter.ui.subscribe;

import dev.skeeter.client.ReceivedMessage;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One row of the message table: the message plus what the table shows. Time, preview and search text are
 * computed on first use, so only rows a cell shows (or a search looks at) ever pay for them, whatever thread the
 * message arrived on. Thread-safe: the lazily computed strings are immutable, so a race only computes one twice.
 */
public final class MessageRow {
    static final int PREVIEW_CHARS = 120;
    /** Payload text search looks at this much of each payload; large payloads are searched by their start. */
    static final int SEARCH_BYTES = 4096;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final long sequence;
    private final ReceivedMessage message;
    private final SubscriptionItem subscription;
    private String time;
    private String preview;
    private String searchText;

    /** A row outside the table, for other panes that show a message with the same preview and viewers. */
    public static MessageRow of(ReceivedMessage message) {
        return new MessageRow(0, message, null);
    }

    MessageRow(long sequence, ReceivedMessage message, SubscriptionItem subscription) {
        this.sequence = sequence;
        this.message = message;
        this.subscription = subscription;
    }

    public long sequence() {
        return sequence;
    }

    public ReceivedMessage message() {
        return message;
    }

    /** The first non-muted subscription the message matched (its colour marks the row); null if none is left. */
    public SubscriptionItem subscription() {
        return subscription;
    }

    public String time() {
        String t = time;
        if (t == null) {
            t = TIME.format(message.arrival());
            time = t;
        }
        return t;
    }

    public String topic() {
        return message.topic();
    }

    public int size() {
        return message.payload().length;
    }

    public String preview() {
        String p = preview;
        if (p == null) {
            String head = decodeHead(message.payload(), PREVIEW_CHARS * 4);
            p = head == null ? hexPreview(message.payload()) : textPreview(head);
            preview = p;
        }
        return p;
    }

    /** Lower-case text of the payload's start, empty for binary payloads. */
    String searchText() {
        String s = searchText;
        if (s == null) {
            String head = decodeHead(message.payload(), SEARCH_BYTES);
            s = head == null ? "" : head.toLowerCase(Locale.ROOT);
            searchText = s;
        }
        return s;
    }

    /** UTF-8 text of the first {@code maxBytes}, or null when they are not text. A cut code point at the end is fine. */
    private static String decodeHead(byte[] payload, int maxBytes) {
        int n = Math.min(payload.length, maxBytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(n);
        var result = decoder.decode(ByteBuffer.wrap(payload, 0, n), out, n == payload.length);
        if (result.isError()) {
            return null;
        }
        out.flip();
        String text = out.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                return null;
            }
        }
        return text;
    }

    private static String textPreview(String text) {
        String cut = text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text;
        return cut.replaceAll("\\s+", " ");
    }

    private static String hexPreview(byte[] payload) {
        int n = Math.min(payload.length, PREVIEW_CHARS / 3);
        return "0x " + HexFormat.ofDelimiter(" ").formatHex(payload, 0, n) + (n < payload.length ? " …" : "");
    }
}
