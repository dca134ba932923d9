package dev.skeeter.ui.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadDiffTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void textIsComparedLineByLine() {
        PayloadDiff.Result r = PayloadDiff.diff(b("a\nb\nc"), b("a\nB\nc\nd"));
        assertThat(r.how()).isEqualTo("text");
        assertThat(r.lines()).extracting(PayloadDiff.Line::toString)
                .containsExactly("  a", "- b", "+ B", "  c", "+ d");
        assertThat(r.summary()).isEqualTo("2 lines added, 1 removed");
        assertThat(PayloadDiff.diff(b("same"), b("same")).summary()).isEqualTo("no change");
    }

    @Test
    void jsonIsComparedFieldByFieldWhateverTheOrderAndLayout() {
        PayloadDiff.Result r = PayloadDiff.diff(b("{\"t\":21.5,\"unit\":\"C\",\"tags\":[\"a\"],\"old\":1}"),
                b("{\n  \"unit\": \"C\",\n  \"t\": 22,\n  \"tags\": [\"a\", \"b\"],\n  \"new\": true\n}"));
        assertThat(r.how()).isEqualTo("JSON");
        assertThat(r.lines()).extracting(PayloadDiff.Line::toString).containsExactly(
                "+ /new = true", "- /old = 1", "- /t = 21.5", "+ /t = 22", "+ /tags/1 = \"b\"");
        assertThat(r.summary()).isEqualTo("1 changed, 2 added, 1 removed, 2 unchanged");
    }

    @Test
    void aJsonPayloadAgainstTextFallsBackToText() {
        assertThat(PayloadDiff.diff(b("{\"a\":1}"), b("not json")).how()).isEqualTo("text");
        assertThat(PayloadDiff.diff(b("1"), b("2")).how()).isEqualTo("text"); // scalars read best as text
    }

    @Test
    void numbersComeFromTheWholePayloadOrAJsonField() {
        assertThat(NumericValue.of(b(" 21.5\n"), "")).hasValue(21.5);
        assertThat(NumericValue.of(b("-3"), "")).hasValue(-3);
        assertThat(NumericValue.of(b("NaN"), "")).isEmpty();
        assertThat(NumericValue.of(b("1f"), "")).isEmpty();
        assertThat(NumericValue.of(b("on"), "")).isEmpty();
        byte[] json = b("{\"env\":{\"temp\":21.5,\"hum\":\"40\"},\"id\":\"x\",\"v\":[1,2]}");
        assertThat(NumericValue.of(json, "/env/temp")).hasValue(21.5);
        assertThat(NumericValue.of(json, "/env/hum")).hasValue(40);
        assertThat(NumericValue.of(json, "/id")).isEmpty();
        assertThat(NumericValue.of(json, "/missing")).isEmpty();
        assertThat(NumericValue.numericFields(json)).containsExactly("/env/temp", "/v/0", "/v/1");
        assertThat(NumericValue.numericFields(b("42"))).isEmpty();
    }
}
