package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Debian's mosquitto_pub and mosquitto_sub against our broker. */
class MosquittoClientsInteropTest {
    private static BrokerFixture fixture;
    private static Path sub;
    private static Path pub;

    @BeforeAll
    static void start() {
        sub = ExternalTools.require("mosquitto_sub", "mosquitto-clients");
        pub = ExternalTools.require("mosquitto_pub", "mosquitto-clients");
        fixture = new BrokerFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest(name = "QoS {0}")
    @ValueSource(ints = {0, 1, 2})
    void mosquittoSubReceivesWhatMosquittoPubSends(int qos) throws Exception {
        String topic = "interop/q" + qos;
        Process subscriber = start(sub, "-t", topic, "-q", qos, "-C", 1, "-W", 10, "-v");

        // mosquitto_sub gives no sign of having subscribed: publish until it has received one and exited.
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(run(pub, "-t", topic, "-q", qos, "-m", "hello " + qos)).isZero();
            return !subscriber.isAlive();
        });

        assertThat(output(subscriber)).isEqualTo(topic + " hello " + qos + "\n");
    }

    @Test
    void retainedMessageReachesALaterMosquittoSub() throws Exception {
        assertThat(run(pub, "-t", "interop/retained", "-q", 1, "-r", "-m", "kept")).isZero();

        Process subscriber = start(sub, "-t", "interop/retained", "-C", 1, "-W", 10, "-F", "%r %t %p");

        assertThat(output(subscriber)).isEqualTo("1 interop/retained kept\n");
    }

    @Test
    void persistentSessionOfMosquittoSubGetsWhatWasQueuedWhileItWasAway() throws Exception {
        // -c: clean session 0; -E: exit once subscribed
        assertThat(run(sub, "-c", "-i", "interop-durable", "-q", 1, "-t", "interop/durable", "-E")).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fixture.broker.clients().stream()
                .noneMatch(c -> c.clientId().equals("interop-durable")));

        assertThat(run(pub, "-t", "interop/durable", "-q", 1, "-m", "while away")).isZero();

        Process back = start(sub, "-c", "-i", "interop-durable", "-q", 1, "-t", "interop/durable", "-C", 1,
                "-W", 10);
        assertThat(output(back)).isEqualTo("while away\n");
    }

    private static Process start(Path tool, Object... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.add("-h");
        command.add("127.0.0.1");
        command.add("-p");
        command.add(Integer.toString(fixture.port));
        for (Object a : args) {
            command.add(a.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int run(Path tool, Object... args) throws Exception {
        Process p = start(tool, args);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(tool + " did not finish");
        }
        return p.exitValue();
    }

    private static String output(Process p) throws Exception {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("mosquitto_sub did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
