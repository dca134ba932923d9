package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.routing.Message;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import java.net.InetSocketAddress;

/**
 * What an accepted CONNECT said about the client, fixed for the life of the connection. The password is not kept.
 *
 * @param clientId the client id, generated when the client sent none [MQTT-3.1.3-6]
 * @param username null when the CONNECT had none
 * @param protocolLevel 3 (MQTT 3.1) or 4 (MQTT 3.1.1)
 * @param will null when the CONNECT had none
 * @param remoteAddress null when the transport has no socket address
 */
record ConnectFacts(String clientId, String username, boolean cleanSession, int protocolLevel, int keepAliveSeconds,
        Message will, InetSocketAddress remoteAddress) {

    /**
     * Reads and checks a CONNECT.
     *
     * @throws Refused when the broker answers with a refusal CONNACK
     * @throws MalformedPacketException when the CONNECT breaks a rule that closes the connection without a CONNACK
     */
    static ConnectFacts of(MqttConnectMessage connect, InetSocketAddress remoteAddress, ConnectLimits limits)
            throws Refused {
        var header = connect.variableHeader();
        var payload = connect.payload();
        int level = header.version();
        if (level != 3 && level != 4) {
            throw new Refused(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "unsupported protocol level " + level + " [MQTT-3.1.2-2]");
        }
        String violation = ConnectRules.violation(connect);
        if (violation != null) {
            throw new MalformedPacketException("invalid CONNECT: " + violation);
        }
        boolean cleanSession = header.isCleanSession();
        limits.checkWillRetain(header.isWillFlag() && header.isWillRetain());
        String clientId = limits.clientId(payload.clientIdentifier(), cleanSession, level);
        limits.checkKeepalive(header.keepAliveTimeSeconds());
        Message will = null;
        if (header.isWillFlag()) {
            will = new Message(payload.willTopic(), payload.willMessageInBytes(), header.willQos(),
                    header.isWillRetain());
        }
        return new ConnectFacts(clientId, header.hasUserName() ? payload.userName() : null, cleanSession, level,
                header.keepAliveTimeSeconds(), will, remoteAddress);
    }

    /** The same client with the user name a certificate gave it (use_identity_as_username). */
    ConnectFacts withUsername(String name) {
        return new ConnectFacts(clientId, name, cleanSession, protocolLevel, keepAliveSeconds, will, remoteAddress);
    }

    /** Who the client is for the ACL. */
    dev.skeeter.broker.Authoriser.Identity identity() {
        return new dev.skeeter.broker.Authoriser.Identity(clientId, username);
    }

    /** "host:port" of the client, or "?" when unknown. */
    String address() {
        return address(remoteAddress);
    }

    static String address(InetSocketAddress a) {
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** The CONNECT is answered with a refusal: {@code code} in the CONNACK, {@code reason} in the log. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient MqttConnectReturnCode code;

        Refused(MqttConnectReturnCode code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        MqttConnectReturnCode code() {
            return code;
        }
    }
}
