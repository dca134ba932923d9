package dev.skeeter.client.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayloadFormatTest {
    @Test
    void everyFormatRoundTripsBytes() {
        byte[] payload = "{\"on\": true}".getBytes(UTF_8);

        for (PayloadFormat format : PayloadFormat.values()) {
            assertThat(format.encode(format.decode(payload))).as(format.label())
                    .isEqualTo(format == PayloadFormat.JSON ? PayloadFormat.JSON.decode(payload).getBytes(UTF_8)
                            : payload);
        }
    }

    @Test
    void convertsTheEditorTextBetweenFormats() {
        String hex = PayloadFormat.convert("hi", PayloadFormat.TEXT, PayloadFormat.HEX);
        assertThat(hex).isEqualTo("68 69");
        assertThat(PayloadFormat.convert(hex, PayloadFormat.HEX, PayloadFormat.BASE64)).isEqualTo("aGk=");
        assertThat(PayloadFormat.convert("{\"a\":1}", PayloadFormat.TEXT, PayloadFormat.JSON))
                .isEqualTo("{\n  \"a\": 1\n}");
    }

    @Test
    void jsonEncodingKeepsTheTypedTextButRejectsInvalidJson() {
        assertThat(PayloadFormat.JSON.encode("{ \"a\" : 1 }")).isEqualTo("{ \"a\" : 1 }".getBytes(UTF_8));
        assertThatThrownBy(() -> PayloadFormat.JSON.encode("{ \"a\" : }"))
                .isInstanceOf(JsonError.class).hasMessageContaining("line 1, column 9");
        assertThatThrownBy(() -> PayloadFormat.convert("plain", PayloadFormat.TEXT, PayloadFormat.JSON))
                .isInstanceOf(JsonError.class);
    }
}
