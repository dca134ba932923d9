package dev.skeeter.client;

import dev.skeeter.certs.TlsContext;
import dev.skeeter.certs.TlsContexts;
import dev.skeeter.mqtt.Topics;
import dev.skeeter.profiles.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            Topics.validateTopicName(will.topic());
            options.setWill(will.topic(), will.payload().getBytes(StandardCharsets.UTF_8), will.qos(), will.retain());
        }
        SocketFactory tcp = socketFactory(profile.proxy());
        TlsContext tls = null;
        if (profile.transport().isSecure()) {
            tls = TlsContexts.create(ProfileTls.settings(profile.tls()));
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
}
