package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.protocol.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Sits in front of Netty's MQTT decoder and walks the packet boundaries of the raw byte stream (fixed headers, and
 * the fields of each body through {@link PacketFields}; payloads are skipped) to enforce what the decoder cannot see
 * or checks too late: reserved flag bits, which the decoder silently clears [MQTT-2.2.2-2], reserved bits of
 * SUBSCRIBE options, fields that do not fit the declared remaining length, and the packet size limit, checked
 * before a byte of an oversized body is buffered. Bytes pass through untouched. Also counts bytes in
 * and out. One instance per channel, used on its event loop only.
 */
public final class FrameGuard extends ChannelDuplexHandler {
    private static final int HEADER = 0;
    private static final int LENGTH = 1;
    private static final int BODY = 2;

    private final Metrics metrics;
    private final int maxPacketSize;
    private final PacketFields fields = new PacketFields();
    private int state = HEADER;
    private int length;
    private int lengthBytes;
    private int remaining;
    private boolean failed;
    private boolean publish;

    public FrameGuard(Metrics metrics, int maxPacketSize) {
        this.metrics = metrics;
        this.maxPacketSize = maxPacketSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (failed) {
            buf.release();
            return;
        }
        metrics.bytesIn(buf.readableBytes());
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        int packetStart = i; // where the current packet starts in this buffer (or the buffer start)
        while (i < end) {
            switch (state) {
                case HEADER -> {
                    packetStart = i;
                    int first = buf.getUnsignedByte(i);
                    if (first >> 4 == 6 && fields.protocolLevel() == 3) {
                        // MQTT 3.1 puts no rule on PUBREL's flags: a client resuming an inbound QoS 2 flow sends
                        // it with DUP set, and mosquitto answers PUBCOMP whatever the flags. 3.1.1's fixed flags
                        // [MQTT-3.6.1-1] apply to 3.1.1 connections only; the decoder is given the 3.1.1 form.
                        first = 0x62;
                        buf.setByte(i, first);
                    }
                    String problem = checkFlags(first);
                    if (problem != null) {
                        fail(ctx, buf, packetStart, problem);
                        return;
                    }
                    publish = first >> 4 == 3;
                    fields.start(first >> 4, first & 0x0F);
                    length = 0;
                    lengthBytes = 0;
                    state = LENGTH;
                    i++;
                }
                case LENGTH -> {
                    int b = buf.getUnsignedByte(i++);
                    length |= (b & 0x7F) << (7 * lengthBytes);
                    lengthBytes++;
                    if ((b & 0x80) != 0) {
                        if (lengthBytes == 4) {
                            fail(ctx, buf, packetStart, "remaining length longer than 4 bytes");
                            return;
                        }
                    } else {
                        long total = 1L + lengthBytes + length;
                        if (total > maxPacketSize) {
                            fail(ctx, buf, packetStart, "packet of " + total + " bytes exceeds max_packet_size "
                                    + maxPacketSize);
                            return;
                        }
                        remaining = length;
                        state = BODY;
                        if (remaining == 0 && !packetEnded(ctx, buf, packetStart)) {
                            return;
                        }
                    }
                }
                default -> {
                    int skip = Math.min(fields.skippable(), Math.min(remaining, end - i));
                    if (skip > 0) {
                        fields.skipped(skip);
                        i += skip;
                        remaining -= skip;
                    } else {
                        String problem = fields.accept(buf.getUnsignedByte(i++));
                        remaining--;
                        if (problem != null) {
                            fail(ctx, buf, packetStart, problem);
                            return;
                        }
                    }
                    if (remaining == 0 && !packetEnded(ctx, buf, packetStart)) {
                        return;
                    }
                }
            }
        }
        ctx.fireChannelRead(buf);
    }

    /** The body is complete: false (and the channel failed) when its fields did not fit its remaining length. */
    private boolean packetEnded(ChannelHandlerContext ctx, ByteBuf buf, int packetStart) {
        String problem = fields.end();
        if (problem != null) {
            fail(ctx, buf, packetStart, problem);
            return false;
        }
        state = HEADER;
        metrics.packetReceived(publish);
        return true;
    }

    /** Passes on the complete packets before the bad one, then reports the bad one; nothing more is read. */
    private void fail(ChannelHandlerContext ctx, ByteBuf buf, int packetStart, String problem) {
        failed = true;
        int good = packetStart - buf.readerIndex();
        if (good > 0) {
            ctx.fireChannelRead(buf.retainedSlice(buf.readerIndex(), good));
        }
        buf.release();
        ctx.fireExceptionCaught(new MalformedPacketException(problem));
    }

    /** Null when the first byte's flags are legal for its packet type, else why not. */
    static String checkFlags(int firstByte) {
        int type = firstByte >> 4;
        int flags = firstByte & 0x0F;
        return switch (type) {
            case 3 -> (flags & 0x06) == 0x06 ? "PUBLISH with QoS 3 [MQTT-3.3.1-4]" : null;
            case 6, 8, 10 -> flags == 0x02 ? null
                    : "reserved flags " + flags + " on packet type " + type + " must be 2 [MQTT-2.2.2-2]";
            case 1, 2, 4, 5, 7, 9, 11, 12, 13, 14 -> flags == 0 ? null
                    : "reserved flags " + flags + " on packet type " + type + " must be 0 [MQTT-2.2.2-2]";
            default -> "reserved packet type " + type + " [MQTT-2.2.1]";
        };
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            metrics.bytesOut(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
