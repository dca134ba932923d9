package dev.skeeter.broker.internal.protocol;

import dev.skeeter.mqtt.InvalidTopicException;
import dev.skeeter.mqtt.Topics;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectPayload;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;

/** The CONNECT rules Netty's decoder leaves to the server; each violation closes the connection. Stateless. */
final class ConnectRules {
    private ConnectRules() {
    }

    /** Null when the CONNECT is well-formed, else what is wrong (for the log). */
    static String violation(MqttConnectMessage connect) {
        MqttConnectVariableHeader h = connect.variableHeader();
        MqttConnectPayload p = connect.payload();
        if (h.willQos() > 2) {
            return "will QoS 3 [MQTT-3.1.2-14]";
        }
        if (!h.isWillFlag() && (h.willQos() != 0 || h.isWillRetain())) {
            return "will QoS or will retain set without the will flag [MQTT-3.1.2-13] [MQTT-3.1.2-15]";
        }
        if (h.hasPassword() && !h.hasUserName()) {
            return "password without a user name [MQTT-3.1.2-22]";
        }
        if (containsNul(p.clientIdentifier())) {
            return "client id contains U+0000 [MQTT-1.5.3-2]";
        }
        if (h.hasUserName() && containsNul(p.userName())) {
            return "user name contains U+0000 [MQTT-1.5.3-2]";
        }
        if (h.isWillFlag()) {
            try {
                Topics.validateTopicName(p.willTopic());
            } catch (InvalidTopicException e) {
                return "invalid will topic: " + e.getMessage();
            }
        }
        return null;
    }

    static boolean containsNul(String s) {
        return s != null && s.indexOf('\u0000') >= 0;
    }
}
