package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skeeter broker} as a real process: SIGHUP reloads, SIGTERM stops with exit status 0. */
class BrokerProcessSignalsTest {
    @TempDir
    Path dir;

    @Test
    void sighupReloadsAndSigtermExitsZero() throws Exception {
        Path conf = Files.writeString(dir.resolve("broker.conf"), "listener 0 127.0.0.1\n");
        Path out = dir.resolve("out.txt");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process broker = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "dev.skeeter.Main", "broker", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitOutput(out, "skeeter broker listening on 127.0.0.1:");

            signal(broker, "HUP");
            awaitOutput(out, "SIGHUP: " + conf + " reloaded; listeners unchanged");
            Files.writeString(conf, "listener 0 127.0.0.1\nlistener 0 127.0.0.1\nprotocol websockets\n");
            signal(broker, "HUP");
            awaitOutput(out, "its listeners changed: restart the broker to apply them");
            Files.writeString(conf, "no_such_option 1\n");
            signal(broker, "HUP");
            awaitOutput(out, "has errors; the broker keeps running as it is");
            assertThat(broker.isAlive()).isTrue();

            signal(broker, "TERM");
            assertThat(broker.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(broker.exitValue()).isZero();
        } finally {
            broker.destroyForcibly();
        }
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitOutput(Path out, String text) {
        Awaitility.await(text).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(out).contains(text));
    }

}
