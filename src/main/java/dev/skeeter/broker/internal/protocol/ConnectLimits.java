package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ListenerSecurity;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import java.util.Locale;
import java.util.UUID;

/**
 * The configured rules a CONNECT must meet beyond the protocol's, as mosquitto 2 applies them to MQTT 3.1 and 3.1.1
 * clients: {@code allow_zero_length_clientid} and {@code auto_id_prefix}, {@code max_keepalive} and
 * {@code retain_available} (for the will). Immutable.
 */
record ConnectLimits(ListenerSecurity security, int maxKeepalive, boolean retainAvailable) {
    /** The protocol's own limit; mosquitto's default, which no client exceeds. */
    private static final int NO_KEEPALIVE_LIMIT = 65_535;

    static ConnectLimits of(BrokerConfig config, ListenerSecurity security) {
        return new ConnectLimits(security, config.maxKeepalive(), config.retainAvailable());
    }

    /**
     * The client id to use for {@code clientId} as sent: itself, or one the broker makes up for an empty one.
     *
     * @throws ConnectFacts.Refused with 0x02 where mosquitto refuses the id
     */
    String clientId(String clientId, boolean cleanSession, int level) throws ConnectFacts.Refused {
        if (clientId != null && !clientId.isEmpty()) {
            return clientId;
        }
        if (level == 3) {
            // MQTT 3.1 requires 1 to 23 characters; mosquitto refuses an empty id from a 3.1 client.
            throw new ConnectFacts.Refused(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "zero-length client id from an MQTT 3.1 client");
        }
        if (!cleanSession) {
            throw new ConnectFacts.Refused(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "zero-length client id without clean session [MQTT-3.1.3-8]");
        }
        if (!security.allowZeroLengthClientId()) {
            throw new ConnectFacts.Refused(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "zero-length client id, and allow_zero_length_clientid is false");
        }
        // [MQTT-3.1.3-6]; mosquitto's form: the prefix and an upper-case UUID.
        return security.autoIdPrefix() + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /**
     * max_keepalive: MQTT 3.1 and 3.1.1 cannot be told a shorter keepalive, so a client asking for a longer one, or
     * for none, is refused with 0x02, as later mosquitto 2 releases do (Debian's 2.0.11 applies it to MQTT 5
     * clients only, and lets 3.1.1 clients keep theirs).
     */
    void checkKeepalive(int keepAliveSeconds) throws ConnectFacts.Refused {
        if (maxKeepalive > 0 && maxKeepalive < NO_KEEPALIVE_LIMIT
                && (keepAliveSeconds > maxKeepalive || keepAliveSeconds == 0)) {
            throw new ConnectFacts.Refused(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "keepalive " + keepAliveSeconds + " s exceeds max_keepalive " + maxKeepalive + " s");
        }
    }

    /** retain_available false: a will with retain set closes the connection without CONNACK, as in mosquitto. */
    void checkWillRetain(boolean willRetain) {
        if (willRetain && !retainAvailable) {
            throw new MalformedPacketException("will with retain set, and retain_available is false");
        }
    }
}
