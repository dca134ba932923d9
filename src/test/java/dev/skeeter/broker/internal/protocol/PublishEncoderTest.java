package dev.skeeter.broker.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.internal.session.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishEncoderTest {

    @ParameterizedTest(name = "q{0} dup={1} retain={2} payload={3} B")
    @CsvSource({"0,false,false,0", "1,false,true,5", "2,true,false,200", "1,true,true,20000", "0,false,true,3000000"})
    void encodesExactlyWhatNettysEncoderDoes(int qos, boolean dup, boolean retain, int payloadBytes) {
        Message message = new Message("a/topic/ü", new byte[payloadBytes], qos, retain);
        EmbeddedChannel netty = new EmbeddedChannel(MqttEncoder.INSTANCE);
        netty.writeOutbound(Packets.publish(message.topic(), message.payload(), qos, retain, dup, 4242));
        ByteBuf expected = netty.readOutbound();
        ByteBuf batch = PublishEncoder.encode(ByteBufAllocator.DEFAULT, null, message, qos, 4242, dup);
        try {
            assertThat(ByteBufUtil.getBytes(batch)).isEqualTo(ByteBufUtil.getBytes(expected));
        } finally {
            expected.release();
            batch.release();
            netty.finishAndReleaseAll();
        }
    }

    @ParameterizedTest(name = "{0} packets")
    @CsvSource({"1", "3", "1000"})
    void appendsToTheSameBatch(int count) {
        Message message = new Message("t", new byte[] {1, 2, 3}, 1, false);
        ByteBuf batch = null;
        for (int i = 0; i < count; i++) {
            batch = PublishEncoder.encode(ByteBufAllocator.DEFAULT, batch, message, 1, i + 1, false);
        }
        try {
            assertThat(batch.readableBytes()).isEqualTo(count * (2 + 2 + 1 + 2 + 3));
        } finally {
            batch.release();
        }
    }
}
