package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConfigFileTest {
    @TempDir
    Path dir;

    @Test
    void listenersPortsCommentsAndBlankLinesAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), """
                # a comment

                listener 1883 127.0.0.1
                  listener 8883
                port 1884
                """);

        BrokerConfig config = BrokerConfigFile.parse(file);

        assertThat(config.listeners()).containsExactly(
                new BrokerConfig.Listener(1883, "127.0.0.1"),
                new BrokerConfig.Listener(8883, "0.0.0.0"),
                new BrokerConfig.Listener(1884, "0.0.0.0"));
    }

    @Test
    void aRelativePathIsNamedAsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), "\n\n\n\n\n\nfoo\n");
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        assertThatThrownBy(() -> BrokerConfigFile.parse(relative))
                .hasMessage(relative + ":7: unknown option 'foo'");
    }

    @Test
    void theShippedSampleConfigParses() throws Exception {
        BrokerConfig config = BrokerConfigFile.parse(Path.of("app/conf/skeeter.conf"));
        assertThat(config.listeners()).containsExactly(new BrokerConfig.Listener(1883, "0.0.0.0"));
    }

    @Test
    void anUnknownOptionNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), "# ok\nlistener 1883\n\n\n\n\nfoo bar\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(file))
                .isInstanceOf(BrokerConfigFile.ConfigException.class)
                .hasMessage(file + ":7: unknown option 'foo'");
    }

    @Test
    void aBadPortNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("broker.conf"), "listener 99999\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(file)).hasMessage(file + ":1: invalid port '99999'");
    }

    @Test
    void listenerNeedsAPort() throws Exception {
        Path file = Files.writeString(dir.resolve("broker.conf"), "listener\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(file)).hasMessageStartingWith(file + ":1: expected");
    }

    @Test
    void mosquittoLimitsAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), """
                listener 1883 127.0.0.1
                max_inflight_messages 50
                max_queued_messages 1000000
                message_size_limit 4096
                max_packet_size 8192
                """);

        BrokerConfig config = BrokerConfigFile.parse(file);

        assertThat(config.maxInflightMessages()).isEqualTo(50);
        assertThat(config.maxQueuedMessages()).isEqualTo(1_000_000);
        assertThat(config.messageSizeLimit()).isEqualTo(4096);
        assertThat(config.maxPacketSize()).isEqualTo(8192);
    }

    @Test
    void zeroMeansNoLimitAsInMosquitto() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), """
                max_inflight_messages 0
                max_queued_messages 0
                message_size_limit 0
                max_packet_size 0
                """);

        BrokerConfig config = BrokerConfigFile.parse(file);

        assertThat(config.maxInflightMessages()).isEqualTo(65_535);
        assertThat(config.maxQueuedMessages()).isZero();
        assertThat(config.messageSizeLimit()).isZero();
        assertThat(config.maxPacketSize()).isEqualTo(BrokerConfig.PROTOCOL_MAX_PACKET_SIZE);
    }

    @Test
    void harmlessMosquittoOptionsAreAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), """
                user root
                allow_anonymous true
                persistence false
                set_tcp_nodelay true
                log_dest stderr
                log_type error
                listener 1884
                """);

        assertThat(BrokerConfigFile.parse(file).listeners()).containsExactly(new BrokerConfig.Listener(1884, "0.0.0.0"));
    }

    @Test
    void aBadLimitNamesTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("skeeter.conf"), "listener 1883\nmax_queued_messages -1\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(file))
                .hasMessage(file + ":2: invalid max_queued_messages '-1' (expected a number >= 0)");
    }

    @Test
    void optionsThatWouldChangeBehaviourWeDoNotHaveAreRefused() throws Exception {
        Path anonymous = Files.writeString(dir.resolve("a.conf"), "allow_anonymous false\n");
        Path persistence = Files.writeString(dir.resolve("p.conf"), "\npersistence true\n");
        Path nodelay = Files.writeString(dir.resolve("n.conf"), "set_tcp_nodelay maybe\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(anonymous)).hasMessageStartingWith(anonymous + ":1: ");
        assertThatThrownBy(() -> BrokerConfigFile.parse(persistence)).hasMessageStartingWith(persistence + ":2: ");
        assertThatThrownBy(() -> BrokerConfigFile.parse(nodelay))
                .hasMessage(nodelay + ":1: expected 'set_tcp_nodelay true|false'");
    }

    @Test
    void withoutListenersTheDefaultIs1883OnLoopback() {
        assertThat(BrokerConfig.builder().build().listeners()).containsExactly(new BrokerConfig.Listener(1883, null));
    }
}
