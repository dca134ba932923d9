package dev.skeeter.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.BitSet;

/**
 * The QoS handshakes of one bench connection: outbound packet ids awaiting PUBACK, PUBCOMP or SUBACK, inbound QoS 2
 * ids awaiting PUBREL, and the acknowledgements of one read burst, batched into one buffer (far cheaper than an
 * encoder pass per acknowledgement). Bit sets keep thousands of clients small. Confined to the connection's event
 * loop.
 */
final class PacketFlow {
    private static final int PUBACK = 0x40;
    private static final int PUBREC = 0x50;
    private static final int PUBREL = 0x62;
    private static final int PUBCOMP = 0x70;

    private final ByteBufAllocator alloc;
    private final BitSet outbound = new BitSet();
    private final BitSet unreleased = new BitSet();
    private int lastPacketId;
    /** Outbound PUBLISH packets not yet acknowledged. */
    private int inflight;
    /** Acknowledgements queued during the current read; owned here until taken. */
    private ByteBuf acks;

    PacketFlow(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    /** A free packet id, now in use until {@link #acknowledged} or {@link #subAcked}. */
    int nextPacketId() {
        // Packet ids are 1-65535; at most max-inflight (< 65535) are in use, so a free one exists.
        int id = outbound.nextClearBit(lastPacketId + 1);
        lastPacketId = id > 65535 ? outbound.nextClearBit(1) : id;
        outbound.set(lastPacketId);
        return lastPacketId;
    }

    /** A packet id for an outbound QoS 1 or 2 PUBLISH, counted in flight. */
    int nextPublishId() {
        inflight++;
        return nextPacketId();
    }

    int inflight() {
        return inflight;
    }

    void subAcked(int packetId) {
        outbound.clear(packetId);
    }

    /** PUBACK or PUBCOMP for an outbound PUBLISH. */
    void acknowledged(int packetId) {
        if (outbound.get(packetId)) {
            outbound.clear(packetId);
            inflight--;
        }
    }

    /** Acknowledges an inbound PUBLISH; false for a QoS 2 resend whose PUBREL has not come, already delivered. */
    boolean received(int qos, int packetId) {
        if (qos == 1) {
            ack(PUBACK, packetId);
        } else if (qos == 2) {
            boolean fresh = !unreleased.get(packetId);
            unreleased.set(packetId);
            ack(PUBREC, packetId);
            return fresh;
        }
        return true;
    }

    void pubrec(int packetId) {
        ack(PUBREL, packetId);
    }

    void pubrel(int packetId) {
        unreleased.clear(packetId);
        ack(PUBCOMP, packetId);
    }

    /** The acknowledgements queued since the last call, or null; the caller owns the buffer. */
    ByteBuf takeAcks() {
        ByteBuf taken = acks;
        acks = null;
        return taken;
    }

    void release() {
        if (acks != null) {
            acks.release();
            acks = null;
        }
    }

    private void ack(int firstByte, int packetId) {
        if (acks == null) {
            acks = alloc.directBuffer(256);
        }
        acks.writeByte(firstByte).writeByte(2).writeShort(packetId);
    }
}
