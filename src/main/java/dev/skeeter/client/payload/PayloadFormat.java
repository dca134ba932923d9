package dev.skeeter.client.payload;

import java.nio.charset.StandardCharsets;

/**
 * How a payload is shown and typed in the Publish pane and the command line. {@link #encode} turns what the user
 * typed into bytes, {@link #decode} turns bytes into text for this format; {@link #convert} switches an editor's
 * text from one format to another. Both throw {@link PayloadException} (or its {@link JsonError}) with a message
 * for the user.
 */
public enum PayloadFormat {
    /** UTF-8 text; invalid bytes are shown as {@code \xNN} (see {@link PayloadCodecs}). */
    TEXT("Text") {
        @Override
        public byte[] encode(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(byte[] payload) {
            return PayloadCodecs.text(payload);
        }
    },
    /** JSON: encoding checks it and keeps the text as typed; decoding pretty-prints. */
    JSON("JSON") {
        @Override
        public byte[] encode(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            PayloadCodecs.validateJson(bytes).ifPresent(error -> {
                throw error;
            });
            return bytes;
        }

        @Override
        public String decode(byte[] payload) {
            return PayloadCodecs.prettyJson(payload);
        }
    },
    /** Hex digits; whitespace ignored when typing, sixteen spaced bytes a line when shown. */
    HEX("Hex") {
        @Override
        public byte[] encode(String text) {
            return PayloadCodecs.parseHex(text);
        }

        @Override
        public String decode(byte[] payload) {
            return PayloadCodecs.hexLines(payload);
        }
    },
    /** Base64, standard or URL-safe when typing, standard when shown. */
    BASE64("Base64") {
        @Override
        public byte[] encode(String text) {
            return PayloadCodecs.parseBase64(text);
        }

        @Override
        public String decode(byte[] payload) {
            return PayloadCodecs.base64(payload);
        }
    };

    private final String label;

    PayloadFormat(String label) {
        this.label = label;
    }

    /** The name to show in a format chooser. */
    public String label() {
        return label;
    }

    /** The bytes the user's text stands for in this format. */
    public abstract byte[] encode(String text);

    /** The payload as text in this format. */
    public abstract String decode(byte[] payload);

    /** Text in format {@code from} re-expressed in format {@code to}. */
    public static String convert(String text, PayloadFormat from, PayloadFormat to) {
        return to.decode(from.encode(text));
    }
}
