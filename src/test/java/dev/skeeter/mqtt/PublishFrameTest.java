package dev.skeeter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written frame is byte for byte what Netty's encoder writes (and so what every broker reads). */
class PublishFrameTest {

    @ParameterizedTest(name = "q{0} dup={1} retain={2} payload={3} B")
    @CsvSource({"0,false,false,0", "1,false,true,5", "2,true,false,200", "1,true,true,20000", "0,false,true,3000000",
        "2,false,false,127", "1,false,false,16380"})
    void writesExactlyWhatNettysEncoderDoes(int qos, boolean dup, boolean retain, int payloadBytes) {
        byte[] topic = "a/topic/ü".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[payloadBytes];
        Arrays.fill(payload, (byte) 7);

        byte[] header = new byte[PublishFrame.maxHeaderSize(topic)];
        int headerBytes = PublishFrame.writeHeader(header, topic, qos, dup, retain, 4242, payloadBytes);
        byte[] ours = new byte[headerBytes + payloadBytes];
        System.arraycopy(header, 0, ours, 0, headerBytes);
        System.arraycopy(payload, 0, ours, headerBytes, payloadBytes);

        assertThat(ours).isEqualTo(nettyEncoded("a/topic/ü", payload, qos, dup, retain, 4242));
        assertThat(PublishFrame.size(topic, qos, payloadBytes)).isEqualTo(ours.length);
    }

    @Test
    void refusesPacketsBeyondTheLargestRemainingLength() {
        byte[] topic = {'t'};
        byte[] header = new byte[PublishFrame.maxHeaderSize(topic)];
        int fits = PublishFrame.MAX_REMAINING_LENGTH - 2 - 1;
        assertThat(PublishFrame.writeHeader(header, topic, 0, false, false, 0, fits)).isEqualTo(1 + 4 + 2 + 1);
        assertThatThrownBy(() -> PublishFrame.writeHeader(header, topic, 0, false, false, 0, fits + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] nettyEncoded(String topic, byte[] payload, int qos, boolean dup, boolean retain,
            int packetId) {
        var fixed = new MqttFixedHeader(MqttMessageType.PUBLISH, dup, MqttQoS.valueOf(qos), retain, 0);
        var message = new MqttPublishMessage(fixed, new MqttPublishVariableHeader(topic, qos > 0 ? packetId : -1),
                Unpooled.wrappedBuffer(payload));
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(message);
        ByteBuf encoded = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(encoded);
        } finally {
            encoded.release();
            channel.finishAndReleaseAll();
        }
    }
}
