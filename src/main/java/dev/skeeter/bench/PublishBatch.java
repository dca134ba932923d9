package dev.skeeter.bench;

import dev.skeeter.mqtt.PublishFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Arrays;

/**
 * Writes a bench client's PUBLISH headers into batch buffers with the shared {@link PublishFrame} writer: the bench's
 * hot path, where going through {@code MqttEncoder} would cost a message object, two buffers and a pipeline pass per
 * message and make the load tool dearer than the broker it measures. Confined to the client's event loop.
 */
final class PublishBatch {
    /** Messages written per pump before flushing and yielding the event loop to other connections. */
    static final int MESSAGES = 64;
    /** Bytes per batch buffer, beyond which a batch is written even if it holds fewer than {@link #MESSAGES}. */
    static final int BYTES = 64 * 1024;

    /** Scratch for one header, sized for the longest topic the client writes. */
    private final byte[] header;

    PublishBatch(byte[]... topics) {
        header = new byte[Arrays.stream(topics).mapToInt(PublishFrame::maxHeaderSize).max().orElse(0)];
    }

    /** Appends a header to {@code batch} (allocated when null) and returns it; the caller writes the payload next. */
    ByteBuf appendHeader(ByteBuf batch, ByteBufAllocator alloc, byte[] topic, int qos, int packetId, int payloadSize) {
        ByteBuf out = batch;
        if (out == null) {
            int frame = PublishFrame.size(topic, qos, payloadSize);
            out = alloc.directBuffer(Math.min(MESSAGES * frame, BYTES + frame));
        }
        int length = PublishFrame.writeHeader(header, topic, qos, false, false, packetId, payloadSize);
        return out.writeBytes(header, 0, length);
    }
}
