package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.skeeter.broker.BrokerConfigFile.ConfigException;
import dev.skeeter.broker.ListenerConfig.Protocol;
import dev.skeeter.broker.ListenerConfig.SocketDomain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listener blocks, the default listener, TLS and WebSocket options, and per_listener_settings. */
class ListenerConfigFileTest {
    @TempDir
    Path dir;

    private BrokerConfig parse(String text) throws Exception {
        return BrokerConfigFile.parse(Files.writeString(dir.resolve("mosquitto.conf"), text));
    }

    private ConfigException errors(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("mosquitto.conf"), text);
        return catchThrowableOfType(() -> BrokerConfigFile.parse(file), ConfigException.class);
    }

    @Test
    void optionsBeforeTheFirstListenerMakeTheDefaultListenerOnEveryInterface() throws Exception {
        BrokerConfig config = parse("""
                port 1884
                max_connections 10
                listener 9001 127.0.0.1
                protocol websockets
                """);

        assertThat(config.listeners()).containsExactly(
                new ListenerConfig(1884, "::").withMaxConnections(10),
                ListenerConfig.websockets(9001, "127.0.0.1"));
    }

    @Test
    void bindAddressAlwaysBelongsToTheDefaultListener() throws Exception {
        BrokerConfig config = parse("listener 9001\nbind_address 127.0.0.1\n");

        assertThat(config.listeners()).extracting(ListenerConfig::port, ListenerConfig::bindAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1883, "127.0.0.1"),
                        org.assertj.core.groups.Tuple.tuple(9001, "::"));
    }

    @Test
    void socketDomainIpv4WithoutAnAddressBindsEveryIpv4Interface() throws Exception {
        BrokerConfig config = parse("listener 1883\nsocket_domain ipv4\nlistener 1884 localhost\nsocket_domain ipv6\n"
                + "bind_interface lo\n");

        assertThat(config.listeners()).containsExactly(
                new ListenerConfig(1883, "0.0.0.0").withSocketDomain(SocketDomain.IPV4),
                new ListenerConfig(1884, "localhost").withSocketDomain(SocketDomain.IPV6).withBindInterface("lo"));
    }

    @Test
    void tlsOptionsMakeATlsListener() throws Exception {
        BrokerConfig config = parse("""
                listener 8883
                cafile /etc/mosquitto/ca_certificates/ca.crt
                certfile /etc/mosquitto/certs/server.crt
                keyfile /etc/mosquitto/certs/server.key
                require_certificate true
                use_identity_as_username true
                tls_version tlsv1.3
                crlfile /etc/mosquitto/ca_certificates/ca.crl
                ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384
                ciphers_tls1.3 TLS_AES_256_GCM_SHA384
                listener 8884
                capath /etc/ssl/certs
                certfile /etc/mosquitto/certs/server with space.crt
                keyfile /etc/mosquitto/certs/server.key
                protocol websockets
                """);

        ListenerTls tls = config.listeners().get(0).tls();
        assertThat(tls).isEqualTo(ListenerTls.of(Path.of("/etc/mosquitto/certs/server.crt"),
                        Path.of("/etc/mosquitto/certs/server.key"))
                .withCaFile(Path.of("/etc/mosquitto/ca_certificates/ca.crt")).withRequireCertificate(true)
                .withUseIdentityAsUsername(true).withTlsVersion("tlsv1.3")
                .withCrlFile(Path.of("/etc/mosquitto/ca_certificates/ca.crl"))
                .withCiphers("ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384")
                .withCiphersTls13("TLS_AES_256_GCM_SHA384"));
        assertThat(config.listeners().get(0).scheme()).isEqualTo("mqtts");
        ListenerConfig wss = config.listeners().get(1);
        assertThat(wss.scheme()).isEqualTo("wss");
        assertThat(wss.tls().certFile()).isEqualTo(Path.of("/etc/mosquitto/certs/server with space.crt"));
        assertThat(wss.tls().caPath()).isEqualTo(Path.of("/etc/ssl/certs"));
    }

    @Test
    void aTlsListenerNeedsBothCertfileAndKeyfile() throws Exception {
        ConfigException e = errors("listener 8883\ncafile ca.pem\ncertfile server.pem\nlistener 8884\n"
                + "certfile s.pem\nkeyfile s.key\nrequire_certificate true\n");

        assertThat(e.getMessage().lines()).containsExactly(
                dir.resolve("mosquitto.conf") + ":2: a TLS listener needs both certfile and keyfile (listener 8883 at "
                        + dir.resolve("mosquitto.conf") + ":1)",
                dir.resolve("mosquitto.conf") + ":5: require_certificate true needs cafile or capath to check client "
                        + "certificates against (listener 8884 at " + dir.resolve("mosquitto.conf") + ":4)");
    }

    @Test
    void requireCertificateOnAPlainListenerIsAnErrorNotIgnored() throws Exception {
        ConfigException e = errors("listener 1883\nrequire_certificate true\n");

        assertThat(e.getMessage()).contains(":2: a TLS listener needs both certfile and keyfile");
        assertThat(parse("listener 1883\nrequire_certificate false\n").listeners().get(0).tls()).isNull();
    }

    @Test
    void badListenerValuesAreErrors() throws Exception {
        ConfigException e = errors("""
                listener 1883 127.0.0.1 extra
                listener 1884
                protocol mqtt-sn
                socket_domain ipx
                tls_version sslv3
                tls_keyform engine
                """);

        assertThat(e.errors()).extracting(ConfigProblem::line).containsExactly(1, 3, 4, 5, 6);
        assertThat(e.getMessage()).contains(":3: protocol: expected mqtt or websockets, found 'mqtt-sn'")
                .contains(":5: tls_version: expected tlsv1.3 or tlsv1.2 or tlsv1.1, found 'sslv3'");
    }

    @Test
    void securityIsBrokerWideUnlessPerListenerSettings() throws Exception {
        BrokerConfig shared = parse("listener 1883\nauto_id_prefix a-\nlistener 1884\nallow_zero_length_clientid "
                + "false\n");

        assertThat(shared.perListenerSettings()).isFalse();
        assertThat(shared.listeners()).allSatisfy(l -> assertThat(shared.securityOf(l))
                .isEqualTo(ListenerSecurity.DEFAULTS.withAutoIdPrefix("a-").withAllowZeroLengthClientId(false)));

        BrokerConfig separate = parse("per_listener_settings true\nlistener 1883\nauto_id_prefix a-\n"
                + "listener 1884\nallow_zero_length_clientid false\n");

        assertThat(separate.perListenerSettings()).isTrue();
        assertThat(separate.securityOf(separate.listeners().get(0)))
                .isEqualTo(ListenerSecurity.DEFAULTS.withAutoIdPrefix("a-"));
        assertThat(separate.securityOf(separate.listeners().get(1)))
                .isEqualTo(ListenerSecurity.DEFAULTS.withAllowZeroLengthClientId(false));
    }

    @Test
    void perListenerSettingsAfterASecurityOptionIsAnError() throws Exception {
        ConfigException e = errors("auto_id_prefix a-\nlistener 1883\nper_listener_settings true\n");

        assertThat(e.getMessage()).isEqualTo(dir.resolve("mosquitto.conf") + ":3: per_listener_settings must come "
                + "before every security option (the first is at " + dir.resolve("mosquitto.conf") + ":1)");
    }

    @Test
    void unixSocketListenersWarnAndAreLeftOut() throws Exception {
        Path file = Files.writeString(dir.resolve("mosquitto.conf"), "listener 0 /run/mosquitto.sock\n"
                + "listener 1883 127.0.0.1\n");

        var result = BrokerConfigFile.read(file, BrokerConfig.builder());

        assertThat(result.warnings()).extracting(ConfigProblem::line).containsExactly(1);
        assertThat(result.builder().build().listeners()).containsExactly(new ListenerConfig(1883, "127.0.0.1"));
    }

    @Test
    void protocolNamesAreMosquittos() throws Exception {
        assertThat(parse("listener 1 \nprotocol mqtt\n").listeners().get(0).protocol()).isEqualTo(Protocol.MQTT);
    }
}
