package dev.skeeter.ui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses JSON into a tree for the JSON tree viewer and writes export lines. Validation and pretty-printing for
 * people are the client core's ({@code PayloadCodecs}). Thread-safe.
 */
public final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    /** The tree of {@code text}; throws {@link IllegalArgumentException} when it is not JSON. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("Empty: JSON needs a value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
