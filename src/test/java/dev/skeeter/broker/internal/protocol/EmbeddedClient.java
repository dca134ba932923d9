package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.broker.internal.transport.MqttChannelInitializer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client connection of a {@link BrokerCore} on an {@link EmbeddedChannel}, with the real pipeline: raw bytes
 * in, raw packets out, every buffer released.
 */
final class EmbeddedClient implements AutoCloseable {
    final EmbeddedChannel channel;

    EmbeddedClient(BrokerCore core) {
        channel = new EmbeddedChannel(new MqttChannelInitializer(core, ConcurrentHashMap.<Channel>newKeySet(),
                new dev.skeeter.broker.ListenerConfig(0, null), null));
    }

    /** A packet as sent by the broker: first byte and body. */
    record Packet(int header, byte[] body) {
        int type() {
            return header >> 4;
        }

        int packetId() {
            return ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        }
    }

    void send(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.runPendingTasks();
    }

    /** Every packet the broker has written so far (runs pending tasks of this channel first). */
    List<Packet> received() {
        channel.runPendingTasks();
        List<Packet> packets = new ArrayList<>();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
            try {
                while (buf.isReadable()) {
                    int header = buf.readUnsignedByte();
                    int length = 0;
                    int shift = 0;
                    int b;
                    do {
                        b = buf.readUnsignedByte();
                        length |= (b & 0x7F) << shift;
                        shift += 7;
                    } while ((b & 0x80) != 0);
                    byte[] body = new byte[length];
                    buf.readBytes(body);
                    packets.add(new Packet(header, body));
                }
            } finally {
                buf.release();
            }
        }
        return packets;
    }

    List<Integer> receivedTypes() {
        return received().stream().map(Packet::type).toList();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
