package dev.skeeter.bench;

import io.netty.buffer.ByteBuf;

/**
 * The bench's message body: a fixed header the receiver accounts with, padded with zeros to the requested size.
 * Layout (big endian): publisher id (int), sequence number (long), send time from {@link System#nanoTime()}
 * (long, comparable only inside this process), and a flag byte that is 1 when the message was sent inside the
 * measured window.
 */
final class BenchPayload {
    static final int HEADER_BYTES = 4 + 8 + 8 + 1;

    private BenchPayload() {
    }

    /** Appends one payload of {@code size} bytes to {@code out}. */
    static void write(ByteBuf out, int size, int publisherId, long sequence, long sentNanos, boolean measured) {
        out.writeInt(publisherId).writeLong(sequence).writeLong(sentNanos).writeByte(measured ? 1 : 0);
        out.writeZero(size - HEADER_BYTES);
    }

    /** False for payloads too short to be ours (another client publishing on the bench's topics). */
    static boolean isBench(ByteBuf buf) {
        return buf.readableBytes() >= HEADER_BYTES;
    }

    static int publisherId(ByteBuf buf) {
        return buf.getInt(buf.readerIndex());
    }

    static long sequence(ByteBuf buf) {
        return buf.getLong(buf.readerIndex() + 4);
    }

    static long sentNanos(ByteBuf buf) {
        return buf.getLong(buf.readerIndex() + 12);
    }

    static boolean measured(ByteBuf buf) {
        return buf.getByte(buf.readerIndex() + 20) == 1;
    }
}
