package dev.skeeter.profiles;

import java.util.List;

/** Profiles with every field set to something other than its default. */
final class ProfileFixtures {
    private ProfileFixtures() {
    }

    static Profile everyFieldSet(String id) {
        return Profile.create("Production " + id, "mqtt.example.com", 8884).toBuilder()
                .id(id)
                .transport(Profile.Transport.SECURE_WEBSOCKET)
                .webSocketPath("/ws/mqtt")
                .mqttVersion(Profile.MqttVersion.V3_1)
                .clientId("skeeter-" + id)
                .cleanSession(false)
                .keepAliveSeconds(17)
                .connectTimeoutSeconds(23)
                .autoReconnect(true)
                .credentials(new Profile.Credentials("alice", "s3cret", true))
                .tls(new Profile.Tls(Profile.TrustSource.TRUST_STORE, "/etc/ca.pem", "/etc/trust.p12", "trustpw",
                        Profile.ClientIdentity.PEM, "/etc/client.pem", "/etc/client.key", "keypass",
                        "/etc/keystore.p12", "storepw", false, "TLSv1.2", List.of("x-amzn-mqtt-ca", "mqtt")))
                .lastWill(new Profile.LastWill("clients/" + id + "/status", 2, true, "offline \u00e9"))
                .proxy(new Profile.Proxy("socks.example.com", 1081, "bob", "proxypw"))
                .build();
    }
}
