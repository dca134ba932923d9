package dev.skeeter.ui.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PayloadRendererTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonIsPrettyPrintedAndParsedIntoATree() {
        RenderedPayload r = PayloadRenderer.render(PayloadViewer.JSON, utf8("{\"a\":1,\"b\":[true,null]}"));
        assertThat(r.text()).contains("\n").contains("\"a\": 1");
        assertThat(r.tree().get("b").size()).isEqualTo(2);
        assertThat(r.truncated()).isFalse();
    }

    @Test
    void invalidJsonSaysWhereAndShowsTheText() {
        RenderedPayload r = PayloadRenderer.render(PayloadViewer.JSON, utf8("{\"a\":"));
        assertThat(r.note()).contains("line 1");
        assertThat(r.tree()).isNull();
        assertThat(r.text()).isEqualTo("{\"a\":");
    }

    @Test
    void tenMegabytePayloadsAreCutAndSaySo() {
        byte[] big = new byte[10 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        long start = System.nanoTime();
        for (PayloadViewer v : PayloadViewer.values()) {
            RenderedPayload r = PayloadRenderer.render(v, big);
            assertThat(r.text().length()).isLessThanOrEqualTo(200_000);
            if (v != PayloadViewer.IMAGE) {
                assertThat(r.truncated()).as(v.name()).isTrue();
                assertThat(r.note()).as(v.name()).contains("10.0 MB");
            }
        }
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void bestViewerFitsThePayload() {
        assertThat(PayloadRenderer.bestViewer(utf8(" {\"a\":1}"))).isEqualTo(PayloadViewer.JSON);
        assertThat(PayloadRenderer.bestViewer(utf8("hello"))).isEqualTo(PayloadViewer.TEXT);
        assertThat(PayloadRenderer.bestViewer(new byte[] {0, (byte) 0xff, 3})).isEqualTo(PayloadViewer.HEXDUMP);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0};
        assertThat(PayloadRenderer.bestViewer(png)).isEqualTo(PayloadViewer.IMAGE);
        assertThat(PayloadRenderer.imageKind(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}))
                .contains(PayloadRenderer.ImageKind.JPEG);
        assertThat(PayloadRenderer.imageKind(utf8("GIF89a"))).contains(PayloadRenderer.ImageKind.GIF);
    }

    @Test
    void hexdumpAndBase64ShowTheBytes() {
        byte[] p = {0x48, 0x69, 0x00, (byte) 0xff};
        assertThat(PayloadRenderer.render(PayloadViewer.HEXDUMP, p).text()).contains("48 69 00 ff").contains("|Hi..|");
        assertThat(PayloadRenderer.render(PayloadViewer.BASE64, p).text()).isEqualTo("SGkA/w==");
        assertThat(PayloadRenderer.render(PayloadViewer.TEXT, p).note()).contains("UTF-8");
    }
}
