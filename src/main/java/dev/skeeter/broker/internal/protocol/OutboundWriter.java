package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.mqtt.PublishFrame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;

/**
 * Everything one connection writes, in order: control packets through the shared {@code MqttEncoder}, PUBLISH
 * packets written by {@link PublishFrame} in batches into one pooled buffer (unless packets are logged, which needs
 * the message objects): on the fan-out hot path this saves a message object, a buffer and an outbound-buffer entry
 * per packet.
 * Flushes are deferred to the end of a read or of a delivery batch. Confined to the channel's event loop.
 */
final class OutboundWriter {
    /** A batch is handed to the channel once it holds this much, so write water marks keep working. */
    private static final int BATCH_BYTES = 16 * 1024;

    private final ChannelHandlerContext ctx;
    private final Metrics metrics;
    private final boolean logPackets;
    /** PUBLISH packets encoded but not yet written; owned here until written or released. */
    private ByteBuf batch;
    /** Scratch for one PUBLISH header; grows to the longest topic this connection was sent. */
    private byte[] header = new byte[64];
    private boolean needsFlush;

    OutboundWriter(ChannelHandlerContext ctx, Metrics metrics, boolean logPackets) {
        this.ctx = ctx;
        this.metrics = metrics;
        this.logPackets = logPackets;
    }

    /** Writes a control packet behind any pending batch, so the order on the wire holds; flushed later. */
    void send(MqttMessage message) {
        metrics.packetSent();
        writeBatch();
        ctx.write(message, ctx.voidPromise());
        needsFlush = true;
    }

    void publish(Message message, int qos, int packetId, boolean duplicate) {
        metrics.publishSent(message.payload().length);
        if (logPackets) {
            writeBatch();
            ctx.write(Packets.publish(message.topic(), message.payload(), qos, message.retain(), duplicate, packetId),
                    ctx.voidPromise());
            needsFlush = true;
            return;
        }
        byte[] topic = message.topicBytes();
        byte[] payload = message.payload();
        if (header.length < PublishFrame.maxHeaderSize(topic)) {
            header = new byte[PublishFrame.maxHeaderSize(topic)];
        }
        int headerBytes = PublishFrame.writeHeader(header, topic, qos, duplicate, message.retain(), packetId,
                payload.length);
        if (batch == null) {
            batch = ctx.alloc().ioBuffer(Math.max(headerBytes + payload.length, 2 * BATCH_BYTES));
        }
        batch.writeBytes(header, 0, headerBytes).writeBytes(payload);
        needsFlush = true;
        // Written every BATCH_BYTES so that the channel's water marks still see the bytes.
        if (batch.readableBytes() >= BATCH_BYTES) {
            writeBatch();
        }
    }

    void flush() {
        needsFlush = false;
        writeBatch();
        ctx.flush();
    }

    /** At the end of a read: one flush for every acknowledgement the read produced. */
    void flushIfNeeded() {
        if (needsFlush) {
            flush();
        }
    }

    /** The channel closed: drop what was never written. */
    void release() {
        if (batch != null) {
            batch.release();
            batch = null;
        }
    }

    private void writeBatch() {
        if (batch != null) {
            ByteBuf b = batch;
            batch = null;
            ctx.write(b, ctx.voidPromise());
        }
    }
}
