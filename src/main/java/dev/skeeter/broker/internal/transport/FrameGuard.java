package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.internal.Metrics;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Sits in front of Netty's MQTT decoder and walks the packet boundaries of the raw byte stream (fixed headers
 * only, bodies are skipped) to enforce what the decoder cannot see or checks too late: reserved flag bits, which
 * the decoder silently clears [MQTT-2.2.2-2], and the packet size limit, checked before a byte of an oversized
 * body is buffered. Bytes pass through untouched. Also counts bytes in and out. One instance per channel, used on
 * its event loop only.
 */
public final class FrameGuard extends ChannelDuplexHandler {
    private static final int HEADER = 0;
    private static final int LENGTH = 1;
    private static final int BODY = 2;

    private final Metrics metrics;
    private final int maxPacketSize;
    private int state = HEADER;
    private int length;
    private int lengthBytes;
    private int remaining;
    private boolean failed;

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
        while (i < end) {
            switch (state) {
                case HEADER -> {
                    String problem = checkFlags(buf.getUnsignedByte(i));
                    if (problem != null) {
                        fail(ctx, buf, i, problem);
                        return;
                    }
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
                            fail(ctx, buf, i, "remaining length longer than 4 bytes");
                            return;
                        }
                    } else {
                        long total = 1L + lengthBytes + length;
                        if (total > maxPacketSize) {
                            fail(ctx, buf, i, "packet of " + total + " bytes exceeds max_packet_size "
                                    + maxPacketSize);
                            return;
                        }
                        remaining = length;
                        state = remaining == 0 ? HEADER : BODY;
                    }
                }
                default -> {
                    int skip = Math.min(remaining, end - i);
                    i += skip;
                    remaining -= skip;
                    if (remaining == 0) {
                        state = HEADER;
                    }
                }
            }
        }
        ctx.fireChannelRead(buf);
    }

    /** Passes on the complete packets before the bad one, then reports the bad one; nothing more is read. */
    private void fail(ChannelHandlerContext ctx, ByteBuf buf, int badIndex, String problem) {
        failed = true;
        // The bad packet starts at the last HEADER position; earlier bytes are whole packets.
        int packetStart = state == HEADER ? badIndex : badIndex - lengthBytes - 1;
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
