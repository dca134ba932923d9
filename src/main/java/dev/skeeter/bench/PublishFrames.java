package dev.skeeter.bench;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes MQTT 3.1.1 PUBLISH packets straight into a batch buffer. The bench's hot path: going through
 * {@code MqttEncoder} costs a message object, two buffers and a pipeline pass per message, which made the
 * load tool dearer per message than the broker it measures. Control packets still go through Netty's codec.
 */
final class PublishFrames {
    private PublishFrames() {
    }

    /** The UTF-8 topic name with its two-byte length prefix, computed once per topic. */
    static byte[] topic(String topicName) {
        byte[] utf8 = topicName.getBytes(StandardCharsets.UTF_8);
        byte[] prefixed = new byte[utf8.length + 2];
        prefixed[0] = (byte) (utf8.length >> 8);
        prefixed[1] = (byte) utf8.length;
        System.arraycopy(utf8, 0, prefixed, 2, utf8.length);
        return prefixed;
    }

    /** Bytes a PUBLISH with this topic and payload size occupies on the wire, at most. */
    static int maxFrameSize(byte[] topic, int payloadSize) {
        return 1 + 4 + topic.length + 2 + payloadSize;
    }

    /** Writes the fixed header, topic and packet id; the caller writes exactly {@code payloadSize} bytes next. */
    static void writeHeader(ByteBuf out, int qos, byte[] topic, int packetId, int payloadSize) {
        out.writeByte(0x30 | qos << 1);
        int remaining = topic.length + (qos > 0 ? 2 : 0) + payloadSize;
        do {
            int digit = remaining & 0x7F;
            remaining >>>= 7;
            out.writeByte(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        out.writeBytes(topic);
        if (qos > 0) {
            out.writeShort(packetId);
        }
    }
}
