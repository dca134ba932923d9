package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.broker.BrokerConfigFile.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mosquitto.conf syntax and the general options; listeners and TLS are in {@link ListenerConfigFileTest}. */
class BrokerConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private ConfigException errors(Path file) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(() -> BrokerConfigFile.parse(file),
                ConfigException.class);
    }

    @Test
    void listenersPortsCommentsAndBlankLinesAreRead() throws Exception {
        Path file = write("skeeter.conf", """
                # a comment

                listener 1883 127.0.0.1
                  listener 8883
                \t# an indented comment
                listener 8884 0.0.0.0
                """);

        BrokerConfig config = BrokerConfigFile.parse(file);

        assertThat(config.listeners()).containsExactly(new ListenerConfig(1883, "127.0.0.1"),
                new ListenerConfig(8883, "::"), new ListenerConfig(8884, "0.0.0.0"));
    }

    @Test
    void aRelativePathIsNamedAsGiven() throws Exception {
        Path file = write("skeeter.conf", "\n\n\n\n\n\nfoo\n");
        Path relative = Path.of("").toAbsolutePath().relativize(file);

        assertThatThrownBy(() -> BrokerConfigFile.parse(relative))
                .hasMessage(relative + ":7: unknown option 'foo'");
    }

    @Test
    void theShippedSampleConfigParsesWithoutWarnings() {
        var result = BrokerConfigFile.read(Path.of("app/conf/skeeter.conf"), BrokerConfig.builder());

        assertThat(result.warnings()).isEmpty();
        assertThat(result.builder().build().listeners()).isNotEmpty();
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnceWithFileLineOptionAndWhatWasExpected() throws Exception {
        Path file = write("broker.conf", """
                listener 99999
                max_connections lots
                no_such_option 1
                retain_available maybe
                persistent_client_expiration 3 days
                log_dest carrier-pigeon
                """);

        ConfigException e = errors(file);

        assertThat(e.getMessage().lines()).containsExactly(
                file + ":1: listener: invalid port '99999' (expected a number from 0 to 65535)",
                file + ":2: max_connections: expected a number of connections, -1 for no limit, found 'lots'",
                file + ":3: unknown option 'no_such_option'",
                file + ":4: retain_available: expected true or false, found 'maybe'",
                file + ":5: persistent_client_expiration: expected a number followed by h, d, w, m or y, e.g. 2d, "
                        + "found '3 days'",
                file + ":6: log_dest: expected stdout, stderr, file PATH, syslog, topic, dlt or none, found "
                        + "'carrier-pigeon'");
        assertThat(e.errors()).extracting(ConfigProblem::option).containsExactly("listener", "max_connections",
                "no_such_option", "retain_available", "persistent_client_expiration", "log_dest");
    }

    @Test
    void unimplementedOptionsWarnWithFileLineAndOptionAndTheBrokerStillStarts() throws Exception {
        Path file = write("mosquitto.conf", """
                persistence true
                persistence_location /var/lib/mosquitto/
                listener 0 127.0.0.1
                http_dir /usr/share/mosquitto/www
                connection bridge-to-cloud
                address cloud.example:1883
                bridge_protocol_version mqttv311
                """);

        var result = BrokerConfigFile.read(file, BrokerConfig.builder());

        assertThat(result.warnings()).extracting(ConfigProblem::line).containsExactly(1, 2, 4, 5, 6, 7);
        assertThat(result.warnings()).extracting(ConfigProblem::option).containsExactly("persistence",
                "persistence_location", "http_dir", "connection", "address", "bridge_protocol_version");
        assertThat(result.warnings()).allSatisfy(w -> assertThat(w.toString()).startsWith(file + ":" + w.line()
                + ": warning: " + w.option()));
        assertThat(result.warnings().get(3).toString()).contains("bridges are not supported");
        try (Broker broker = Broker.create(result.builder().build())) {
            assertThat(broker.start().get(10, java.util.concurrent.TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void securityOptionsAreReadTheLastOneWinning() throws Exception {
        Path file = write("mosquitto.conf", """
                allow_anonymous true
                password_file /etc/mosquitto/passwd
                acl_file /etc/mosquitto/acl
                allow_anonymous false
                """);

        ListenerSecurity security = BrokerConfigFile.read(file, BrokerConfig.builder()).builder().build().security();

        assertThat(security.allowAnonymous()).isFalse();
        assertThat(security.passwordFile()).isEqualTo(Path.of("/etc/mosquitto/passwd"));
        assertThat(security.aclFile()).isEqualTo(Path.of("/etc/mosquitto/acl"));
    }

    @Test
    void aBrokerWhosePasswordFileCannotBeReadDoesNotStart() throws Exception {
        BrokerConfig config = BrokerConfig.builder().listener(0, null)
                .security(ListenerSecurity.DEFAULTS.withPasswordFile(dir.resolve("passwd"))).build();

        try (Broker broker = Broker.create(config)) {
            assertThatThrownBy(() -> broker.start().get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .hasMessageContaining("password_file " + dir.resolve("passwd") + ": cannot read it (no such file)");
        }
    }

    @Test
    void unimplementedOptionsThatWouldWeakenSecurityAreRefused() throws Exception {
        Path file = write("mosquitto.conf", """
                listener 0
                psk_hint skeeter
                mount_point site1/
                plugin /usr/lib/mosquitto_dynamic_security.so
                plugin_opt_config_file dynsec.json
                clientid_prefixes secure-
                """);

        ConfigException e = errors(file);

        assertThat(e.errors()).extracting(ConfigProblem::option).containsExactly("psk_hint", "mount_point",
                "plugin", "clientid_prefixes");
        assertThat(e.problems()).filteredOn(p -> p.severity() == ConfigProblem.Severity.WARNING)
                .extracting(ConfigProblem::option).containsExactly("plugin_opt_config_file");
    }

    @Test
    void includeDirReadsItsConfFilesInOrderAndNamesTheirLines() throws Exception {
        Path conf = Files.createDirectory(dir.resolve("conf.d"));
        Files.writeString(conf.resolve("b.conf"), "listener 2002\nmax_keepalive soon\n");
        Files.writeString(conf.resolve("a.conf"), "listener 2001\n");
        Files.writeString(conf.resolve("README"), "not read\n");
        Path main = write("mosquitto.conf", "listener 2000\ninclude_dir " + conf + "\nlistener 2003\n");

        ConfigException e = errors(main);

        assertThat(e.getMessage()).isEqualTo(conf.resolve("b.conf") + ":2: max_keepalive: expected a number of "
                + "seconds from 0 to 65535, found 'soon'");
        Files.writeString(conf.resolve("b.conf"), "listener 2002\n");
        assertThat(BrokerConfigFile.parse(main).listeners()).extracting(ListenerConfig::port)
                .containsExactly(2000, 2001, 2002, 2003);
    }

    @Test
    void aMissingIncludeDirIsAnError() throws Exception {
        Path main = write("mosquitto.conf", "include_dir " + dir.resolve("nope") + "\n");

        assertThatThrownBy(() -> BrokerConfigFile.parse(main))
                .hasMessage(main + ":1: include_dir: " + dir.resolve("nope") + " does not exist");
    }

    @Test
    void aDirectoryGivenAsTheFileSaysSo() {
        assertThatThrownBy(() -> BrokerConfigFile.parse(dir)).hasMessage(dir + " is a directory, not a config file");
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = dir.resolve("missing.conf");
        assertThatThrownBy(() -> BrokerConfigFile.parse(missing))
                .hasMessage("cannot read config file " + missing + ": no such file");
    }

    @Test
    void mosquittoLimitsAreRead() throws Exception {
        Path file = write("skeeter.conf", """
                listener 1883 127.0.0.1
                max_inflight_messages 50
                max_queued_messages 1000000
                max_queued_bytes 1048576
                message_size_limit 4096
                max_packet_size 8192
                max_keepalive 120
                """);

        BrokerConfig config = BrokerConfigFile.parse(file);

        assertThat(config.maxInflightMessages()).isEqualTo(50);
        assertThat(config.maxQueuedMessages()).isEqualTo(1_000_000);
        assertThat(config.maxQueuedBytes()).isEqualTo(1_048_576);
        assertThat(config.messageSizeLimit()).isEqualTo(4096);
        assertThat(config.maxPacketSize()).isEqualTo(8192);
        assertThat(config.maxKeepalive()).isEqualTo(120);
    }

    @Test
    void zeroMeansNoLimitAsInMosquitto() throws Exception {
        Path file = write("skeeter.conf", """
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
    void generalOptionsReachTheConfiguration() throws Exception {
        Path file = write("skeeter.conf", """
                user mosquitto
                pid_file /run/skeeter/skeeter.pid
                persistent_client_expiration 2d
                queue_qos0_messages true
                retain_available false
                upgrade_outgoing_qos true
                set_tcp_nodelay false
                sys_interval 0
                allow_zero_length_clientid false
                auto_id_prefix gen-
                persistence false
                """);

        BrokerConfig config = BrokerConfigFile.parse(file);

        assertThat(config.user()).isEqualTo("mosquitto");
        assertThat(config.pidFile()).isEqualTo(Path.of("/run/skeeter/skeeter.pid"));
        assertThat(config.persistentClientExpiration()).isEqualTo(Duration.ofDays(2));
        assertThat(config.queueQos0Messages()).isTrue();
        assertThat(config.retainAvailable()).isFalse();
        assertThat(config.upgradeOutgoingQos()).isTrue();
        assertThat(config.tcpNoDelay()).isFalse();
        assertThat(config.sysInterval()).isZero();
        assertThat(config.security().allowZeroLengthClientId()).isFalse();
        assertThat(config.security().autoIdPrefix()).isEqualTo("gen-");
    }

    @Test
    void logOptionsReplaceTheDefaultsThenAccumulate() throws Exception {
        Path file = write("skeeter.conf", """
                log_dest stdout
                log_dest file /var/log/skeeter/broker.log
                log_type error
                log_type subscribe
                log_timestamp false
                connection_messages false
                log_dest syslog
                """);

        var result = BrokerConfigFile.read(file, BrokerConfig.builder());
        LogSettings log = result.builder().build().log();

        assertThat(log.destinations()).containsExactly(LogSettings.Destination.STDOUT,
                LogSettings.Destination.file(Path.of("/var/log/skeeter/broker.log")));
        assertThat(log.types()).containsExactlyInAnyOrder(LogSettings.Type.ERROR, LogSettings.Type.SUBSCRIBE);
        assertThat(log.timestamp()).isFalse();
        assertThat(log.connectionMessages()).isFalse();
        assertThat(result.warnings()).extracting(ConfigProblem::line).containsExactly(7);
        assertThat(LogSettings.DEFAULTS.destinations()).containsExactly(LogSettings.Destination.STDERR);
    }

    @Test
    void withoutListenersTheDefaultIs1883OnLoopback() {
        assertThat(BrokerConfig.builder().build().listeners()).containsExactly(new ListenerConfig(1883, null));
    }

    @Test
    void debiansOwnConfigFileStartsAsItIs() {
        Path debian = Path.of("/etc/mosquitto/mosquitto.conf");
        dev.skeeter.testsupport.ExternalTools.require("mosquitto", "mosquitto");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(debian),
                "Debian's " + debian + " is absent (apt-get install mosquitto)");

        var result = BrokerConfigFile.read(debian, BrokerConfig.builder());

        assertThat(result.warnings()).extracting(ConfigProblem::option).contains("persistence", "persistence_location");
        assertThat(result.warnings()).allMatch(w -> w.severity() == ConfigProblem.Severity.WARNING);
        BrokerConfig config = result.builder().build();
        assertThat(config.listeners()).containsExactly(new ListenerConfig(1883, null));
        assertThat(config.pidFile()).isEqualTo(Path.of("/run/mosquitto/mosquitto.pid"));
        assertThat(config.log().destinations()).containsExactly(
                LogSettings.Destination.file(Path.of("/var/log/mosquitto/mosquitto.log")));
        // Started on a free port, as the file's own 1883 may be taken by a mosquitto service.
        try (Broker broker = Broker.create(result.builder().clearListeners().listener(0, null).build())) {
            assertThat(broker.start().join()).hasSize(1);
        }
    }
}
