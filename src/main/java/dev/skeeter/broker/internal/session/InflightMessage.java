package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.routing.Message;

/**
 * An outbound QoS 1 or 2 message awaiting acknowledgement. Owned by its session's thread. After PUBREC the message
 * itself is no longer needed, only the packet id until PUBCOMP [MQTT-4.3.3-1].
 */
final class InflightMessage {
    final int packetId;
    final Message message;
    final int qos;
    boolean released;

    InflightMessage(int packetId, Message message, int qos) {
        this.packetId = packetId;
        this.message = message;
        this.qos = qos;
    }
}
