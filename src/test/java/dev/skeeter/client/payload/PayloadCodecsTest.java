package dev.skeeter.client.payload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadCodecsTest {
    @TempDir
    Path dir;

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void validUtf8IsShownAsIs() {
        byte[] payload = "temp \u00b0C \u2603 \ud83d\ude00".getBytes(UTF_8);

        assertThat(PayloadCodecs.isValidUtf8(payload)).isTrue();
        assertThat(PayloadCodecs.text(payload)).isEqualTo("temp \u00b0C \u2603 \ud83d\ude00");
        assertThat(PayloadCodecs.text(new byte[0])).isEmpty();
    }

    @Test
    void invalidBytesAreMarkedWithTheirHexValue() {
        assertThat(PayloadCodecs.text(bytes('o', 'k', 0xff))).isEqualTo("ok\\xff");
        assertThat(PayloadCodecs.text(bytes(0xc3))).isEqualTo("\\xc3"); // truncated two-byte sequence
        assertThat(PayloadCodecs.text(bytes(0xc0, 0xaf, 'a'))).isEqualTo("\\xc0\\xaf" + "a"); // overlong '/'
        assertThat(PayloadCodecs.text(bytes(0xed, 0xa0, 0x80))).isEqualTo("\\xed\\xa0\\x80"); // a surrogate
        assertThat(PayloadCodecs.isValidUtf8(bytes('o', 'k', 0xff))).isFalse();
        assertThat(PayloadCodecs.isValidUtf8(bytes(0xed, 0xa0, 0x80))).isFalse();
    }

    @Test
    void longTextWithScatteredBadBytesKeepsEveryCharacter() {
        StringBuilder expected = new StringBuilder();
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 2000; i++) {
            out.writeBytes("\u00e9x".getBytes(UTF_8));
            expected.append("\u00e9x");
            if (i % 97 == 0) {
                out.write(0x80);
                expected.append("\\x80");
            }
        }

        assertThat(PayloadCodecs.text(out.toByteArray())).isEqualTo(expected.toString());
    }

    @Test
    void jsonIsPrettyPrintedWithNumbersAndKeyOrderKept() {
        byte[] json = "{\"b\":1.10,\"a\":[1,123456789012345678901234567890,{}],\"s\":\"\\u00e9\\n\"}".getBytes(UTF_8);

        assertThat(PayloadCodecs.validateJson(json)).isEmpty();
        assertThat(PayloadCodecs.prettyJson(json)).isEqualTo("""
                {
                  "b": 1.10,
                  "a": [
                    1,
                    123456789012345678901234567890,
                    { }
                  ],
                  "s": "\u00e9\\n"
                }""");
        assertThat(PayloadCodecs.compactJson(PayloadCodecs.prettyJson(json).getBytes(UTF_8)))
                .isEqualTo("{\"b\":1.10,\"a\":[1,123456789012345678901234567890,{}],\"s\":\"\u00e9\\n\"}");
    }

    @Test
    void jsonErrorsSayWhereAndWhy() {
        JsonError missingQuote = PayloadCodecs.validateJson("{\n  \"a\": 1,\n  b: 2\n}".getBytes(UTF_8)).orElseThrow();
        assertThat(missingQuote.line()).isEqualTo(3);
        assertThat(missingQuote.column()).isEqualTo(3);
        assertThat(missingQuote.getMessage()).startsWith("Not valid JSON at line 3, column 3: ");

        JsonError truncated = PayloadCodecs.validateJson("[1, 2".getBytes(UTF_8)).orElseThrow();
        assertThat(truncated.line()).isEqualTo(1);
        assertThat(truncated.reason()).containsIgnoringCase("end-of-input");

        JsonError twoValues = PayloadCodecs.validateJson("{} {}".getBytes(UTF_8)).orElseThrow();
        assertThat(twoValues.column()).isEqualTo(4);
        assertThat(twoValues.reason()).isEqualTo("more than one JSON value");

        assertThat(PayloadCodecs.validateJson(new byte[0])).hasValueSatisfying(
                e -> assertThat(e.reason()).isEqualTo("the payload is empty"));
        JsonError badByte = PayloadCodecs.validateJson(bytes('[', '\n', '"', 0xff, '"', ']')).orElseThrow();
        assertThat(badByte.line()).isEqualTo(2);
        assertThat(badByte.column()).isEqualTo(2);
        assertThat(badByte.reason()).isEqualTo("invalid UTF-8 byte 0xff");
        assertThatThrownBy(() -> PayloadCodecs.prettyJson("nope".getBytes(UTF_8))).isInstanceOf(JsonError.class);
    }

    @Test
    void hexRoundTripsAndToleratesWhitespaceCaseAndPrefix() {
        byte[] payload = bytes(0x00, 0x7f, 0x80, 0xff, 'A');

        assertThat(PayloadCodecs.hex(payload)).isEqualTo("007f80ff41");
        assertThat(PayloadCodecs.parseHex(" 0x00 7F\n80\tfF 41 \r\n")).isEqualTo(payload);
        assertThat(PayloadCodecs.parseHex("")).isEmpty();
        byte[] many = new byte[40];
        assertThat(PayloadCodecs.hexLines(many).lines()).hasSize(3).first().asString().hasSize(16 * 3 - 1);
        assertThat(PayloadCodecs.parseHex(PayloadCodecs.hexLines(payload))).isEqualTo(payload);
    }

    @Test
    void hexParseErrorsNameTheProblem() {
        assertThatThrownBy(() -> PayloadCodecs.parseHex("12 3"))
                .isInstanceOf(PayloadException.class).hasMessage("Odd number of hex digits (3): every byte needs two");
        assertThatThrownBy(() -> PayloadCodecs.parseHex("12 3g"))
                .isInstanceOf(PayloadException.class)
                .hasMessage("'g' at position 5 is not a hex digit (0-9, a-f)");
        assertThatThrownBy(() -> PayloadCodecs.parseHex("\u0661\u0662")) // Arabic-Indic digits are not hex
                .isInstanceOf(PayloadException.class).hasMessageContaining("position 1");
    }

    @Test
    void hexdumpShowsOffsetsHexAndAsciiGutter() {
        byte[] payload = "Hello, world!\n\u0000\u0001ABC".getBytes(UTF_8);

        assertThat(PayloadCodecs.hexdump(payload, 1024)).isEqualTo(
                "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 01  |Hello, world!...|\n"
                + "00000010  41 42 43                                          |ABC|\n");
        assertThat(PayloadCodecs.hexdump(new byte[0], 16)).isEmpty();
    }

    @Test
    void hexdumpStopsAtTheLimitAndSaysSo() {
        byte[] payload = new byte[100];

        String dump = PayloadCodecs.hexdump(payload, 20);

        assertThat(dump.lines()).hasSize(3);
        assertThat(dump.lines().toList().get(1)).startsWith("00000010  00 00 00 00    ");
        assertThat(dump.lines().toList().get(2)).isEqualTo("... truncated: 20 of 100 bytes shown");
    }

    @Test
    void base64RoundTripsStandardAndUrlSafe() {
        byte[] payload = bytes(0xfb, 0xff, 0xfe, 'h', 'i');

        assertThat(PayloadCodecs.base64(payload)).isEqualTo("+//+aGk=");
        assertThat(PayloadCodecs.parseBase64("+//+\naGk=")).isEqualTo(payload);
        assertThat(PayloadCodecs.parseBase64("-__-aGk")).isEqualTo(payload);
    }

    @Test
    void base64ErrorsAreClear() {
        assertThatThrownBy(() -> PayloadCodecs.parseBase64("aGk*"))
                .isInstanceOf(PayloadException.class).hasMessage("'*' at position 4 is not a base64 character");
        assertThatThrownBy(() -> PayloadCodecs.parseBase64("aGkxa"))
                .isInstanceOf(PayloadException.class).hasMessageStartingWith("Not valid base64: ");
    }

    @Test
    void loadReadsAFileWithinTheCapAndExplainsFailures() throws IOException {
        Path file = dir.resolve("payload.bin");
        Files.write(file, bytes(1, 2, 3, 4));

        assertThat(PayloadCodecs.load(file)).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> PayloadCodecs.load(file, 3)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("4 bytes, more than the limit of 3");
        assertThatThrownBy(() -> PayloadCodecs.load(dir.resolve("missing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("missing: no such file");
        assertThatThrownBy(() -> PayloadCodecs.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("is a directory");
    }
}
