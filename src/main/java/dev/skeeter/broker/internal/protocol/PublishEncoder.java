package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.session.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Encodes outbound PUBLISH packets (MQTT 3.1/3.1.1) straight into a shared batch buffer: on the fan-out hot path
 * this saves the message objects, one buffer per packet and one outbound-buffer entry per packet that going
 * through {@code MqttEncoder} costs. Byte-for-byte what {@code MqttEncoder} produces. Stateless.
 */
final class PublishEncoder {
    /** A batch is handed to the channel once it holds this much, so write water marks keep working. */
    static final int BATCH_BYTES = 16 * 1024;

    private PublishEncoder() {
    }

    /** Appends one PUBLISH to {@code batch} (allocated when null) and returns the buffer to use from now on. */
    static ByteBuf encode(ByteBufAllocator alloc, ByteBuf batch, Message message, int qos, int packetId,
            boolean duplicate) {
        byte[] topic = message.topicBytes();
        byte[] payload = message.payload();
        int remaining = 2 + topic.length + (qos > 0 ? 2 : 0) + payload.length;
        int size = 1 + lengthBytes(remaining) + remaining;
        ByteBuf out = batch != null ? batch : alloc.ioBuffer(Math.max(size, 2 * BATCH_BYTES));
        out.ensureWritable(size);
        out.writeByte(0x30 | (duplicate ? 0x08 : 0) | (qos << 1) | (message.retain() ? 0x01 : 0));
        int value = remaining;
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            out.writeByte(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
        out.writeShort(topic.length);
        out.writeBytes(topic);
        if (qos > 0) {
            out.writeShort(packetId);
        }
        out.writeBytes(payload);
        return out;
    }

    private static int lengthBytes(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }
}
