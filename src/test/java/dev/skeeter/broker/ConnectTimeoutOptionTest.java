package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect_timeout}: Skeeter's own option (mosquitto 2 has none, and closes a socket that never sends CONNECT
 * after about 90 s, its default keepalive of 60 s times 1.5).
 */
class ConnectTimeoutOptionTest {
    @TempDir
    Path dir;

    @Test
    void aSocketThatNeverSendsConnectIsClosedAfterTheConfiguredTimeout() throws Exception {
        Path file = Files.writeString(dir.resolve("broker.conf"), "connect_timeout 1\n");
        BrokerConfig.Builder builder = BrokerConfigFile.parse(file, BrokerConfig.builder());
        assertThat(builder.build().connectTimeout()).isEqualTo(Duration.ofSeconds(1));

        try (BrokerFixture fixture = new BrokerFixture(builder);
             RawClient idle = new RawClient(fixture.port);
             RawClient talking = new RawClient(fixture.port)) {
            assertThat(talking.connect("talking")).isZero();
            assertThat(idle.closedWithin(Duration.ofSeconds(20))).isTrue();
            talking.send(RawClient.bytes(0xC0, 0));
            assertThat(talking.read().type()).as("a connected client is not affected").isEqualTo(13);
        }
    }

    @Test
    void theDefaultIsTenSeconds() {
        assertThat(BrokerConfig.builder().build().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadValueNamesFileLineAndWhatWasExpected() throws Exception {
        Path file = Files.writeString(dir.resolve("broker.conf"), "\nconnect_timeout 0\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(file))
                .hasMessage(file + ":2: connect_timeout: expected a number of seconds from 1 to 65535, found '0'");
    }
}
