package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.protocol.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Sits in front of Netty's MQTT decoder and walks the packet boundaries of the raw byte stream (fixed headers;
 * bodies are skipped, except SUBSCRIBE's) to enforce what the decoder cannot see or checks too late: reserved flag
 * bits, which the decoder silently clears [MQTT-2.2.2-2], reserved bits of SUBSCRIBE options, and the packet size
 * limit, checked before a byte of an oversized body is buffered. Bytes pass through untouched. Also counts bytes in
 * and out. One instance per channel, used on its event loop only.
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
    private boolean subscribe;
    private boolean publish;
    private int subscribeState;
    private int filterRemaining;

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
                    String problem = checkFlags(first);
                    if (problem != null) {
                        fail(ctx, buf, packetStart, problem);
                        return;
                    }
                    subscribe = first >> 4 == 8;
                    publish = first >> 4 == 3;
                    subscribeState = 0;
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
                        state = remaining == 0 ? HEADER : BODY;
                        if (remaining == 0) {
                            metrics.packetReceived(publish);
                        }
                    }
                }
                default -> {
                    if (subscribe) {
                        int b = buf.getUnsignedByte(i++);
                        remaining--;
                        if (!subscribeByte(b)) {
                            fail(ctx, buf, packetStart,
                                    "reserved bits " + b + " in subscription options [MQTT-3.8.3-4]");
                            return;
                        }
                    } else {
                        int skip = Math.min(remaining, end - i);
                        i += skip;
                        remaining -= skip;
                    }
                    if (remaining == 0) {
                        state = HEADER;
                        metrics.packetReceived(publish);
                    }
                }
            }
        }
        ctx.fireChannelRead(buf);
    }

    /**
     * Walks a SUBSCRIBE body one byte at a time (packet id, then filter length, filter, options byte, repeated),
     * so the check works however the packet is split across reads. Netty reads bits 2-5 as MQTT 5 options and
     * ignores 6-7; in 3.1.1 all six are reserved [MQTT-3.8.3-4]. Returns false for a bad options byte.
     */
    private boolean subscribeByte(int b) {
        switch (subscribeState) {
            case 0 -> subscribeState = 1;           // packet id, high byte
            case 1 -> subscribeState = 2;           // packet id, low byte
            case 2 -> {                             // filter length, high byte
                filterRemaining = b << 8;
                subscribeState = 3;
            }
            case 3 -> {                             // filter length, low byte
                filterRemaining |= b;
                subscribeState = filterRemaining == 0 ? 5 : 4;
            }
            case 4 -> {                             // filter bytes (validated by the decoder)
                if (--filterRemaining == 0) {
                    subscribeState = 5;
                }
            }
            default -> {                            // requested QoS and reserved bits
                if ((b & 0xFC) != 0) {
                    return false;
                }
                subscribeState = 2;
            }
        }
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
