package dev.skeeter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The interop harness itself: mosquitto starts, and Debian's clients reach it. */
class MosquittoBrokerTest {
    @Test
    void mosquittoServesMosquittoClients() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            String sub = ExternalTools.require("mosquitto_sub", "mosquitto-clients").toString();
            String pub = ExternalTools.require("mosquitto_pub", "mosquitto-clients").toString();
            String port = String.valueOf(mosquitto.port());
            Process retain = new ProcessBuilder(pub, "-h", "127.0.0.1", "-p", port, "-t", "harness/t", "-m", "hello",
                    "-r", "-q", "1").redirectErrorStream(true).start();
            assertThat(retain.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(retain.exitValue()).isZero();
            Process subscriber = new ProcessBuilder(sub, "-h", "127.0.0.1", "-p", port, "-t", "harness/#", "-v",
                    "-C", "1", "-W", "10").redirectErrorStream(true).start();
            assertThat(subscriber.waitFor(15, TimeUnit.SECONDS)).isTrue();
            String out = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out.trim()).isEqualTo("harness/t hello");
        }
    }
}
