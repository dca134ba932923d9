package dev.skeeter.client.payload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Conversions between payload bytes and what people read and type, shared by the desktop app and the command
 * line. Stateless and thread-safe.
 *
 * <p>Invalid UTF-8: {@link #text(byte[])} shows each byte that is not part of valid UTF-8 as {@code \xNN} (two
 * lower-case hex digits), e.g. {@code "ok\xff"}. That keeps the byte's value visible, unlike U+FFFD. A payload
 * that literally contains the characters {@code \xff} looks the same; {@link #isValidUtf8} and the hex views are
 * the unambiguous answer.
 */
public final class PayloadCodecs {
    /** The largest payload MQTT 3.1.1 can carry at all (its remaining length limit); the default for loading. */
    public static final long MAX_MQTT_PAYLOAD = 268_435_455L;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int DUMP_WIDTH = 16;

    private PayloadCodecs() {
    }

    // ---- text ------------------------------------------------------------------------------------------------

    /** The payload as UTF-8 text, each invalid byte shown as {@code \xNN}. */
    public static String text(byte[] payload) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload);
        CharBuffer out = CharBuffer.allocate(Math.max(16, payload.length));
        StringBuilder text = new StringBuilder(payload.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    appendByteMarker(text, in.get());
                }
            } else if (result.isUnderflow()) {
                decoder.flush(out);
                text.append(out.flip());
                return text.toString();
            }
        }
    }

    /** Whether the payload is well-formed UTF-8 (no overlong forms, no surrogates). */
    public static boolean isValidUtf8(byte[] payload) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // ---- JSON ------------------------------------------------------------------------------------------------

    /** Empty when the payload is one valid JSON value; otherwise where and why it is not. */
    public static Optional<JsonError> validateJson(byte[] payload) {
        try {
            JsonFormatting.compact(utf8ForJson(payload));
            return Optional.empty();
        } catch (JsonError e) {
            return Optional.of(e);
        }
    }

    /** The JSON payload indented by two spaces; numbers and key order are kept exactly. */
    public static String prettyJson(byte[] payload) {
        return JsonFormatting.pretty(utf8ForJson(payload));
    }

    /** The JSON payload without any insignificant whitespace. */
    public static String compactJson(byte[] payload) {
        return JsonFormatting.compact(utf8ForJson(payload));
    }

    private static String utf8ForJson(byte[] payload) {
        if (isValidUtf8(payload)) {
            return new String(payload, StandardCharsets.UTF_8);
        }
        // Point at the first bad byte: valid prefix decoded to find its line and column.
        int bad = firstInvalidUtf8Offset(payload);
        String before = new String(payload, 0, bad, StandardCharsets.UTF_8);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        throw new JsonError(line, column, String.format("invalid UTF-8 byte 0x%02x", payload[bad] & 0xff), null);
    }

    private static int firstInvalidUtf8Offset(byte[] payload) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(payload);
        CharBuffer out = CharBuffer.allocate(payload.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    // ---- hex -------------------------------------------------------------------------------------------------

    /** Lower-case hex, two digits per byte, no separators: {@code "48656c6c6f"}. */
    public static String hex(byte[] payload) {
        StringBuilder sb = new StringBuilder(payload.length * 2);
        for (byte b : payload) {
            sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return sb.toString();
    }

    /** Hex bytes separated by spaces, sixteen to a line: for editing, {@link #parseHex} reads it back. */
    public static String hexLines(byte[] payload) {
        StringBuilder sb = new StringBuilder(payload.length * 3);
        for (int i = 0; i < payload.length; i++) {
            if (i > 0) {
                sb.append(i % DUMP_WIDTH == 0 ? '\n' : ' ');
            }
            sb.append(HEX[(payload[i] >> 4) & 0xf]).append(HEX[payload[i] & 0xf]);
        }
        return sb.toString();
    }

    /**
     * Bytes from hex digits (either case). Whitespace anywhere is ignored, as is one leading {@code 0x}.
     *
     * @throws PayloadException naming the first character that is not a hex digit and its position, or saying
     *         that the number of digits is odd
     */
    public static byte[] parseHex(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            i += 2;
        }
        byte[] out = new byte[text.length() / 2];
        int digits = 0;
        int n = 0;
        int high = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int v = hexValue(c);
            if (v < 0) {
                throw new PayloadException("'" + printable(c) + "' at position " + (i + 1)
                        + " is not a hex digit (0-9, a-f)");
            }
            if (digits++ % 2 == 0) {
                high = v;
            } else {
                out[n++] = (byte) (high << 4 | v);
            }
        }
        if (digits % 2 != 0) {
            throw new PayloadException("Odd number of hex digits (" + digits + "): every byte needs two");
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * A dump in the style of {@code hexdump -C}: offset, sixteen hex bytes in two groups of eight, and the
     * printable ASCII characters between bars ({@code .} for others), one line per sixteen bytes. At most
     * {@code maxBytes} are shown; when there are more, a last line says so, beginning with {@code "... truncated"}.
     * An empty payload gives an empty string.
     */
    public static String hexdump(byte[] payload, int maxBytes) {
        int shown = Math.min(payload.length, Math.max(0, maxBytes));
        StringBuilder sb = new StringBuilder((shown / DUMP_WIDTH + 2) * 80);
        for (int line = 0; line < shown; line += DUMP_WIDTH) {
            for (int shift = 28; shift >= 0; shift -= 4) {
                sb.append(HEX[(line >>> shift) & 0xf]);
            }
            sb.append(' ');
            for (int i = 0; i < DUMP_WIDTH; i++) {
                if (i == DUMP_WIDTH / 2) {
                    sb.append(' ');
                }
                int at = line + i;
                if (at < shown) {
                    sb.append(' ').append(HEX[(payload[at] >> 4) & 0xf]).append(HEX[payload[at] & 0xf]);
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  |");
            for (int at = line; at < Math.min(line + DUMP_WIDTH, shown); at++) {
                int b = payload[at] & 0xff;
                sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            sb.append("|\n");
        }
        if (shown < payload.length) {
            sb.append("... truncated: ").append(shown).append(" of ").append(payload.length).append(" bytes shown\n");
        }
        return sb.toString();
    }

    // ---- base64 ----------------------------------------------------------------------------------------------

    /** Standard base64 with padding. */
    public static String base64(byte[] payload) {
        return Base64.getEncoder().encodeToString(payload);
    }

    /**
     * Bytes from base64, standard or URL-safe alphabet, padding optional, whitespace ignored.
     *
     * @throws PayloadException naming the first bad character and its position, or why the length is wrong
     */
    public static byte[] parseBase64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        boolean urlSafe = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '-'
                    || c == '_');
            if (!ok) {
                throw new PayloadException("'" + printable(c) + "' at position " + (i + 1)
                        + " is not a base64 character");
            }
            urlSafe |= c == '-' || c == '_';
            clean.append(c);
        }
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(clean.toString());
        } catch (IllegalArgumentException e) {
            throw new PayloadException("Not valid base64: " + e.getMessage(), e);
        }
    }

    // ---- files -----------------------------------------------------------------------------------------------

    /** The file's bytes, at most {@link #MAX_MQTT_PAYLOAD}. */
    public static byte[] load(Path file) throws IOException {
        return load(file, MAX_MQTT_PAYLOAD);
    }

    /**
     * The file's bytes.
     *
     * @throws IOException with a message naming the file: missing, a directory, unreadable, or larger than
     *         {@code maxBytes}
     */
    public static byte[] load(Path file, long maxBytes) throws IOException {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("Cannot load a payload from " + file + ": it is a directory");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new IOException("Cannot load a payload from " + file + ": it has " + size
                        + " bytes, more than the limit of " + maxBytes);
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > maxBytes) { // grew while we read it
                throw new IOException("Cannot load a payload from " + file + ": it has more than " + maxBytes
                        + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new IOException("Cannot load a payload from " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("Cannot load a payload from " + file + ": permission denied", e);
        }
    }

    private static void appendByteMarker(StringBuilder sb, byte b) {
        sb.append("\\x").append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
