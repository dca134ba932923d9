package dev.skeeter.ui.publish;

import dev.skeeter.client.payload.PayloadFormat;
import java.util.Locale;

/**
 * How a saved message keeps its editor format: the client core's {@code AppState.SavedMessage} has a payload
 * string but no format, so non-text formats are stored with a prefix ({@code hex:}, {@code base64:},
 * {@code json:}). Plain text is stored as it is, unless it happens to start with such a prefix or {@code text:},
 * in which case it gets {@code text:} in front. Stateless.
 */
final class SavedPayloads {
    /** A payload as the editor shows it. */
    record Editable(PayloadFormat format, String text) {
    }

    private SavedPayloads() {
    }

    static String store(PayloadFormat format, String text) {
        if (format == PayloadFormat.TEXT) {
            return hasPrefix(text) ? "text:" + text : text;
        }
        return prefix(format) + text;
    }

    static Editable load(String stored) {
        if (stored.startsWith("text:")) {
            return new Editable(PayloadFormat.TEXT, stored.substring(5));
        }
        for (PayloadFormat f : PayloadFormat.values()) {
            if (f != PayloadFormat.TEXT && stored.startsWith(prefix(f))) {
                return new Editable(f, stored.substring(prefix(f).length()));
            }
        }
        return new Editable(PayloadFormat.TEXT, stored);
    }

    private static boolean hasPrefix(String text) {
        return text.startsWith("text:") || load(text).format() != PayloadFormat.TEXT;
    }

    private static String prefix(PayloadFormat format) {
        return format.name().toLowerCase(Locale.ROOT) + ":";
    }
}
