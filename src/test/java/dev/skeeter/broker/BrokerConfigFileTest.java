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
    void withoutListenersTheDefaultIs1883OnLoopback() {
        assertThat(BrokerConfig.builder().build().listeners()).containsExactly(new BrokerConfig.Listener(1883, null));
    }
}
