package dev.skeeter.broker.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import java.util.List;

/**
 * Builds the MQTT 3.1/3.1.1 packets the broker sends. Stateless; fixed headers are shared because the encoder
 * computes the remaining length itself.
 */
final class Packets {
    private static final MqttFixedHeader[] PUBLISH_HEADERS = new MqttFixedHeader[12];
    private static final MqttMessage PINGRESP = new MqttMessage(header(MqttMessageType.PINGRESP, MqttQoS.AT_MOST_ONCE));
    private static final MqttFixedHeader CONNACK = header(MqttMessageType.CONNACK, MqttQoS.AT_MOST_ONCE);
    private static final MqttFixedHeader PUBACK = header(MqttMessageType.PUBACK, MqttQoS.AT_MOST_ONCE);
    private static final MqttFixedHeader PUBREC = header(MqttMessageType.PUBREC, MqttQoS.AT_MOST_ONCE);
    // PUBREL, SUBSCRIBE and UNSUBSCRIBE carry flags 0010 [MQTT-3.6.1-1]
    private static final MqttFixedHeader PUBREL = header(MqttMessageType.PUBREL, MqttQoS.AT_LEAST_ONCE);
    private static final MqttFixedHeader PUBCOMP = header(MqttMessageType.PUBCOMP, MqttQoS.AT_MOST_ONCE);
    private static final MqttFixedHeader SUBACK = header(MqttMessageType.SUBACK, MqttQoS.AT_MOST_ONCE);
    private static final MqttFixedHeader UNSUBACK = header(MqttMessageType.UNSUBACK, MqttQoS.AT_MOST_ONCE);

    static {
        for (int dup = 0; dup < 2; dup++) {
            for (int qos = 0; qos < 3; qos++) {
                for (int retain = 0; retain < 2; retain++) {
                    PUBLISH_HEADERS[dup * 6 + qos * 2 + retain] = new MqttFixedHeader(MqttMessageType.PUBLISH,
                            dup == 1, MqttQoS.valueOf(qos), retain == 1, 0);
                }
            }
        }
    }

    private Packets() {
    }

    private static MqttFixedHeader header(MqttMessageType type, MqttQoS qos) {
        return new MqttFixedHeader(type, false, qos, false, 0);
    }

    static MqttConnAckMessage connack(MqttConnectReturnCode code, boolean sessionPresent) {
        return new MqttConnAckMessage(CONNACK, new MqttConnAckVariableHeader(code, sessionPresent));
    }

    /** The payload array is wrapped, not copied: it is shared by all subscribers and never modified. */
    static MqttPublishMessage publish(String topic, byte[] payload, int qos, boolean retain, boolean dup,
            int packetId) {
        MqttFixedHeader header = PUBLISH_HEADERS[(dup ? 6 : 0) + qos * 2 + (retain ? 1 : 0)];
        ByteBuf content = payload.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(payload);
        return new MqttPublishMessage(header, new MqttPublishVariableHeader(topic, qos == 0 ? 0 : packetId),
                content);
    }

    static MqttMessage puback(int packetId) {
        return new MqttMessage(PUBACK, MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttMessage pubrec(int packetId) {
        return new MqttMessage(PUBREC, MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttMessage pubrel(int packetId) {
        return new MqttMessage(PUBREL, MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttMessage pubcomp(int packetId) {
        return new MqttMessage(PUBCOMP, MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttSubAckMessage suback(int packetId, List<Integer> grantedQos) {
        int[] codes = grantedQos.stream().mapToInt(Integer::intValue).toArray();
        return new MqttSubAckMessage(SUBACK, MqttMessageIdVariableHeader.from(packetId),
                new MqttSubAckPayload(codes));
    }

    static MqttUnsubAckMessage unsuback(int packetId) {
        return new MqttUnsubAckMessage(UNSUBACK, MqttMessageIdVariableHeader.from(packetId));
    }

    static MqttMessage pingresp() {
        return PINGRESP;
    }
}
