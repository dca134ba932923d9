package dev.skeeter.client.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Re-writes JSON token by token, so numbers keep their exact text ({@code 1.10} stays {@code 1.10}, a 30-digit
 * integer stays whole) and keys keep their order; going through a tree would round floats through double.
 */
final class JsonFormatting {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonFormatting() {
    }

    static String pretty(String json) {
        var indenter = new DefaultIndenter("  ", "\n");
        var printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return rewrite(json, printer);
    }

    static String compact(String json) {
        return rewrite(json, null);
    }

    private static String rewrite(String json, DefaultPrettyPrinter printer) {
        StringWriter out = new StringWriter(json.length() + 16);
        try (JsonParser parser = FACTORY.createParser(json);
                JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (printer != null) {
                generator.setPrettyPrinter(printer);
            }
            if (parser.nextToken() == null) {
                throw new JsonError(1, 1, "the payload is empty", null);
            }
            copyValue(parser, generator);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new JsonError(at.getLineNr(), at.getColumnNr(), "more than one JSON value", null);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String reason = e.getOriginalMessage();
            int cut = reason.indexOf('\n');
            reason = cut >= 0 ? reason.substring(0, cut) : reason;
            throw new JsonError(at == null ? 1 : at.getLineNr(), at == null ? 1 : at.getColumnNr(), reason, e);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory JSON rewrite failed", e);
        }
        return out.toString();
    }

    private static void copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
        int depth = 0;
        do {
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    generator.writeStartObject();
                    depth++;
                }
                case END_OBJECT -> {
                    generator.writeEndObject();
                    depth--;
                }
                case START_ARRAY -> {
                    generator.writeStartArray();
                    depth++;
                }
                case END_ARRAY -> {
                    generator.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> generator.writeFieldName(parser.currentName());
                case VALUE_STRING -> generator.writeString(parser.getText());
                // The raw number text: exact, whatever its size or precision.
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getText());
                case VALUE_TRUE -> generator.writeBoolean(true);
                case VALUE_FALSE -> generator.writeBoolean(false);
                case VALUE_NULL -> generator.writeNull();
                default -> throw new IllegalStateException("unexpected token " + token);
            }
        } while (depth > 0 && parser.nextToken() != null);
        if (depth > 0) {
            JsonLocation at = parser.currentLocation();
            throw new JsonError(at.getLineNr(), at.getColumnNr(), "unexpected end of input", null);
        }
    }
}
