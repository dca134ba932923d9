package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options whose mosquitto counterpart cannot be run side by side in a test: {@code persistent_client_expiration}
 * counts in hours there, and Debian's mosquitto 2.0.11 applies {@code max_keepalive} to MQTT 5 clients only.
 */
class SessionOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aPersistentSessionWhoseClientStaysAwayExpiresAndIsCounted() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder()
                .persistentClientExpiration(Duration.ofMillis(300)))) {
            try (RawClient client = new RawClient(fixture.port)) {
                client.send(OptionsMatchMosquittoTest.connect(4, "leaver", false, 60));
                client.readType(2);
                client.send(RawClient.bytes(0xE0, 0));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.broker.stats().clientsExpired() == 1);

            try (RawClient client = new RawClient(fixture.port)) {
                client.send(OptionsMatchMosquittoTest.connect(4, "leaver", false, 60));
                assertThat(client.readType(2).body()[0]).as("session present").isZero();
            }
        }
    }

    @Test
    void aClientThatComesBackInTimeKeepsItsSession() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder()
                .persistentClientExpiration(Duration.ofHours(1)))) {
            for (int i = 0; i < 2; i++) {
                try (RawClient client = new RawClient(fixture.port)) {
                    client.send(OptionsMatchMosquittoTest.connect(4, "stayer", false, 60));
                    assertThat(client.readType(2).body()[0]).as("session present").isEqualTo((byte) i);
                    client.send(RawClient.bytes(0xE0, 0));
                }
            }
            assertThat(fixture.broker.stats().clientsExpired()).isZero();
        }
    }

    @Test
    void maxKeepaliveRefusesLongerAndZeroKeepalivesWith0x02() throws Exception {
        Path file = Files.writeString(dir.resolve("broker.conf"), "max_keepalive 30\n");
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfigFile.parse(file, BrokerConfig.builder()))) {
            assertThat(connack(fixture, 30)).isZero();
            assertThat(connack(fixture, 31)).isEqualTo(2);
            assertThat(connack(fixture, 0)).isEqualTo(2);
        }
    }

    @Test
    void withoutMaxKeepaliveAnyKeepaliveIsAccepted() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder())) {
            assertThat(connack(fixture, 0)).isZero();
            assertThat(connack(fixture, 65_535)).isZero();
        }
    }

    private static int connack(BrokerFixture fixture, int keepAlive) throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            client.send(OptionsMatchMosquittoTest.connect(4, "ka-" + keepAlive, true, keepAlive));
            return client.readType(2).body()[1];
        }
    }
}
