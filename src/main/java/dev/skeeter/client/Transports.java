package dev.skeeter.client;

import dev.skeeter.certs.TlsContext;
import dev.skeeter.certs.TlsContexts;
import dev.skeeter.certs.TlsSettings;
import dev.skeeter.profiles.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/** Turns a profile into Paho's connect options and socket factory (TLS, SOCKS5). Stateless. */
final class Transports {
    private Transports() {
    }

    /** Options for one connect attempt, and the TLS context whose recorder sees the server's chain (or null). */
    record Prepared(MqttConnectOptions options, TlsContext tls) {
    }

    static Prepared prepare(Profile profile, char[] password) throws IOException, GeneralSecurityException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(profile.mqttVersion() == Profile.MqttVersion.V3_1
                ? MqttConnectOptions.MQTT_VERSION_3_1 : MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(profile.cleanSession());
        options.setKeepAliveInterval(profile.keepAliveSeconds());
        options.setConnectionTimeout(profile.connectTimeoutSeconds());
        options.setAutomaticReconnect(false); // MqttConnection reconnects itself
        options.setMaxInflight(MqttConnection.MAX_INFLIGHT);
        Profile.Credentials credentials = profile.credentials();
        if (credentials.hasUsername()) {
            options.setUserName(credentials.username());
            if (password != null) {
                options.setPassword(password.clone());
            }
        }
        Profile.LastWill will = profile.lastWill();
        if (will.isSet()) {
            TopicFilters.validateTopicName(will.topic());
            options.setWill(will.topic(), will.payload().getBytes(StandardCharsets.UTF_8), will.qos(), will.retain());
        }
        SocketFactory tcp = socketFactory(profile.proxy());
        TlsContext tls = null;
        if (profile.transport().isSecure()) {
            tls = TlsContexts.create(tlsSettings(profile.tls()));
            options.setSocketFactory(tls.socketFactory(tcp));
            options.setHttpsHostnameVerificationEnabled(profile.tls().verifyHostname());
        } else if (profile.proxy().isSet()) {
            options.setSocketFactory(tcp);
        }
        return new Prepared(options, tls);
    }

    static SocketFactory socketFactory(Profile.Proxy proxy) {
        if (!proxy.isSet()) {
            return SocketFactory.getDefault();
        }
        return new Socks5SocketFactory(proxy.host(), proxy.port(), proxy.username(),
                proxy.password() == null ? null : proxy.password().toCharArray());
    }

    static TlsSettings tlsSettings(Profile.Tls tls) {
        TlsSettings.Trust trust = switch (tls.trust()) {
            case SYSTEM -> TlsSettings.Trust.SYSTEM;
            case CA_FILE -> TlsSettings.Trust.CA_FILE;
            case TRUST_STORE -> TlsSettings.Trust.TRUST_STORE;
        };
        TlsSettings.Identity identity = switch (tls.identity()) {
            case NONE -> TlsSettings.Identity.NONE;
            case PEM -> TlsSettings.Identity.PEM;
            case KEY_STORE -> TlsSettings.Identity.KEY_STORE;
        };
        Path trustFile = path(trust == TlsSettings.Trust.TRUST_STORE ? tls.trustStoreFile() : tls.caFile());
        return new TlsSettings(trust, trustFile, chars(tls.trustStorePassword()), identity,
                path(tls.certificateFile()), path(tls.keyFile()), chars(tls.keyPassphrase()),
                path(tls.keyStoreFile()), chars(tls.keyStorePassword()), tls.verifyHostname(), tls.tlsVersion(),
                tls.alpnProtocols());
    }

    private static Path path(String file) {
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    private static char[] chars(String secret) {
        return secret == null ? null : secret.toCharArray();
    }
}
