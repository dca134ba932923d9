package dev.skeeter.ui.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skeeter.client.payload.JsonError;
import dev.skeeter.client.payload.PayloadCodecs;
import dev.skeeter.ui.common.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Renders payloads for the detail viewers. Runs on a background thread: a 10 MB payload costs tens of
 * milliseconds here, and what reaches the FX thread is cut to sizes a text control shows without freezing.
 * Stateless and thread-safe.
 */
public final class PayloadRenderer {
    /** Most characters handed to a text control. */
    static final int MAX_TEXT_CHARS = 128 * 1024;
    /** Most payload bytes shown as a hexdump (about 160 K characters). */
    static final int MAX_HEXDUMP_BYTES = 32 * 1024;
    /** JSON larger than this is still pretty-printed, but not parsed into a tree on top. */
    static final int MAX_TREE_BYTES = 16 * 1024 * 1024;

    /** Image types the image viewer shows, by their magic bytes. */
    public enum ImageKind { PNG, JPEG, GIF }

    private PayloadRenderer() {
    }

    public static RenderedPayload render(PayloadViewer viewer, byte[] payload) {
        return switch (viewer) {
            case TEXT -> text(payload);
            case JSON -> json(payload);
            case HEXDUMP -> hexdump(payload);
            case BASE64 -> base64(payload);
            case IMAGE -> new RenderedPayload(viewer, "", null, false,
                    imageKind(payload).map(k -> k + " image, " + sizeText(payload.length))
                            .orElse("Not a PNG, JPEG or GIF image"));
        };
    }

    public static Optional<ImageKind> imageKind(byte[] p) {
        if (startsWith(p, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return Optional.of(ImageKind.PNG);
        }
        if (startsWith(p, 0xff, 0xd8, 0xff)) {
            return Optional.of(ImageKind.JPEG);
        }
        if (startsWith(p, 'G', 'I', 'F', '8')) {
            return Optional.of(ImageKind.GIF);
        }
        return Optional.empty();
    }

    /** The viewer that suits the payload best: image, JSON, text, else hexdump. */
    public static PayloadViewer bestViewer(byte[] payload) {
        if (imageKind(payload).isPresent()) {
            return PayloadViewer.IMAGE;
        }
        String head = new String(payload, 0, Math.min(payload.length, 64), StandardCharsets.UTF_8).stripLeading();
        boolean looksJson = head.startsWith("{") || head.startsWith("[");
        if (looksJson && PayloadCodecs.isValidUtf8(payload)) {
            return PayloadViewer.JSON;
        }
        return PayloadCodecs.isValidUtf8(payload) ? PayloadViewer.TEXT : PayloadViewer.HEXDUMP;
    }

    public static String sizeText(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    private static RenderedPayload text(byte[] payload) {
        String note = PayloadCodecs.isValidUtf8(payload) ? "" : "Not valid UTF-8: invalid bytes are shown as \\xNN";
        return cut(PayloadViewer.TEXT, PayloadCodecs.text(payload), null, note, payload.length);
    }

    private static RenderedPayload json(byte[] payload) {
        Optional<JsonError> error = PayloadCodecs.validateJson(payload);
        if (error.isPresent()) {
            return cut(PayloadViewer.JSON, PayloadCodecs.text(payload), null, error.get().getMessage(),
                    payload.length);
        }
        String pretty = PayloadCodecs.prettyJson(payload);
        JsonNode tree = payload.length <= MAX_TREE_BYTES
                ? JsonText.parse(new String(payload, StandardCharsets.UTF_8)) : null;
        return cut(PayloadViewer.JSON, pretty, tree, "", payload.length);
    }

    private static RenderedPayload hexdump(byte[] payload) {
        boolean truncated = payload.length > MAX_HEXDUMP_BYTES;
        String dump = PayloadCodecs.hexdump(payload, MAX_HEXDUMP_BYTES);
        String note = truncated ? "Showing the first " + sizeText(MAX_HEXDUMP_BYTES) + " of " + sizeText(payload.length)
                : "";
        return new RenderedPayload(PayloadViewer.HEXDUMP, dump, null, truncated, note);
    }

    private static RenderedPayload base64(byte[] payload) {
        int maxInput = MAX_TEXT_CHARS / 4 * 3;
        boolean truncated = payload.length > maxInput;
        String text = Base64.getEncoder().encodeToString(truncated ? Arrays.copyOf(payload, maxInput) : payload);
        String note = truncated ? "Showing the first " + sizeText(maxInput) + " of " + sizeText(payload.length) : "";
        return new RenderedPayload(PayloadViewer.BASE64, text, null, truncated, note);
    }

    private static RenderedPayload cut(PayloadViewer viewer, String text, JsonNode tree, String note, int bytes) {
        if (text.length() <= MAX_TEXT_CHARS) {
            return new RenderedPayload(viewer, text, tree, false, note);
        }
        String cutNote = "Showing the first " + MAX_TEXT_CHARS / 1024 + " K characters of " + sizeText(bytes)
                + (tree != null ? "; the tree has everything" : "");
        return new RenderedPayload(viewer, text.substring(0, MAX_TEXT_CHARS), tree, true,
                note.isEmpty() ? cutNote : note + ". " + cutNote);
    }


    private static boolean startsWith(byte[] p, int... magic) {
        if (p.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((p[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
