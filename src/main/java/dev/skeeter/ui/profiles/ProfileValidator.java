package dev.skeeter.ui.profiles;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.TopicProblems;
import java.util.EnumMap;
import java.util.Map;

/** Validation rules of the profile form, on its raw text so half-typed numbers are explained. Stateless. */
public final class ProfileValidator {
    /** MQTT 3.1 servers may refuse longer client ids [MQTT 3.1, CONNECT payload]. */
    static final int MQTT_31_CLIENT_ID_LIMIT = 23;

    private ProfileValidator() {
    }

    /** The raw values the rules look at. */
    public record Input(String name, String host, String port, Profile.Transport transport, String webSocketPath,
            Profile.MqttVersion version, String clientId, boolean cleanSession, String keepAlive,
            String connectTimeout, String username, String password, Profile.TrustSource trust, String caFile,
            String trustStoreFile, Profile.ClientIdentity identity, String certificateFile, String keyFile,
            String keyStoreFile, String willTopic, String proxyHost, String proxyPort) {
    }

    public static Map<ProfileField, String> validate(Input in) {
        Map<ProfileField, String> errors = new EnumMap<>(ProfileField.class);
        if (blank(in.name())) {
            errors.put(ProfileField.NAME, "Give the profile a name");
        }
        if (blank(in.host())) {
            errors.put(ProfileField.HOST, "Host is required");
        } else if (in.host().trim().contains(" ")) {
            errors.put(ProfileField.HOST, "Host cannot contain spaces");
        }
        range(errors, ProfileField.PORT, in.port(), 1, 65535, "Port");
        if (in.transport().isWebSocket() && (blank(in.webSocketPath()) || !in.webSocketPath().startsWith("/"))) {
            errors.put(ProfileField.WEBSOCKET_PATH, "The WebSocket path starts with /");
        }
        String clientId = in.clientId() == null ? "" : in.clientId();
        if (clientId.isEmpty() && !in.cleanSession()) {
            // [MQTT-3.1.3-7]: an empty client id requires a clean session
            errors.put(ProfileField.CLIENT_ID, "An empty client id needs a clean session");
        } else if (in.version() == Profile.MqttVersion.V3_1 && clientId.length() > MQTT_31_CLIENT_ID_LIMIT) {
            errors.put(ProfileField.CLIENT_ID, "MQTT 3.1 allows at most 23 characters");
        }
        range(errors, ProfileField.KEEP_ALIVE, in.keepAlive(), 0, 65535, "Keep alive");
        range(errors, ProfileField.CONNECT_TIMEOUT, in.connectTimeout(), 1, 600, "Timeout");
        if (blank(in.username()) && !blank(in.password())) {
            // [MQTT-3.1.2-22]: a password without a user name is a protocol violation in 3.1.1
            errors.put(ProfileField.USERNAME, "A password needs a user name");
        }
        if (in.transport().isSecure()) {
            if (in.trust() == Profile.TrustSource.CA_FILE && blank(in.caFile())) {
                errors.put(ProfileField.CA_FILE, "Choose the CA certificate file");
            }
            if (in.trust() == Profile.TrustSource.TRUST_STORE && blank(in.trustStoreFile())) {
                errors.put(ProfileField.TRUST_STORE_FILE, "Choose the trust store");
            }
            if (in.identity() == Profile.ClientIdentity.PEM) {
                if (blank(in.certificateFile())) {
                    errors.put(ProfileField.CERTIFICATE_FILE, "Choose the client certificate");
                }
                if (blank(in.keyFile())) {
                    errors.put(ProfileField.KEY_FILE, "Choose the private key");
                }
            }
            if (in.identity() == Profile.ClientIdentity.KEY_STORE && blank(in.keyStoreFile())) {
                errors.put(ProfileField.KEY_STORE_FILE, "Choose the key store");
            }
        }
        String will = in.willTopic() == null ? "" : in.willTopic();
        if (!will.isEmpty()) { // no topic, no will
            TopicProblems.ofTopicName(will).ifPresent(problem -> errors.put(ProfileField.WILL_TOPIC, problem));
        }
        if (!blank(in.proxyHost())) {
            range(errors, ProfileField.PROXY_PORT, in.proxyPort(), 1, 65535, "Proxy port");
            if (in.proxyHost().trim().contains(" ")) {
                errors.put(ProfileField.PROXY_HOST, "Host cannot contain spaces");
            }
        }
        return errors;
    }

    private static void range(Map<ProfileField, String> errors, ProfileField field, String text, int min, int max,
            String what) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            if (value < min || value > max) {
                errors.put(field, what + " must be " + min + " to " + max);
            }
        } catch (NumberFormatException e) {
            errors.put(field, what + " must be a number");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
