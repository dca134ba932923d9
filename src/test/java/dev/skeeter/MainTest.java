package dev.skeeter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void withoutADisplayTheAppSaysSoAndPointsToTheCommandLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String output = read(process);
        if (!ended) {
            process.destroyForcibly();
        }

        assertThat(ended).as("ended; output: %s", output).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("no display", "DISPLAY is not set", "skeeter --help")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void onlyX11SystemsWithoutAHeadlessPlatformNeedADisplay() {
        assertThat(Display.missing(Map.of(), "Linux", null)).hasValueSatisfying(
                text -> assertThat(text).contains("skeeter --help"));
        assertThat(Display.missing(Map.of("DISPLAY", " "), "Linux", null)).isPresent();
        assertThat(Display.missing(Map.of("DISPLAY", ":0"), "Linux", null)).isEmpty();
        assertThat(Display.missing(Map.of(), "Linux", "Monocle")).isEmpty();
        assertThat(Display.missing(Map.of(), "Windows 11", null)).isEmpty();
        assertThat(Display.missing(Map.of(), "Mac OS X", null)).isEmpty();
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
