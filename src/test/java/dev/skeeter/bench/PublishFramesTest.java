package dev.skeeter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written PUBLISH frames are what Netty's decoder (and so any broker) reads. */
class PublishFramesTest {
    @ParameterizedTest(name = "QoS {0}, {1}-byte payload")
    @CsvSource({"0, 21", "1, 64", "2, 200", "1, 20000", "0, 3000000"})
    void framesDecodeAsThePublishTheyDescribe(int qos, int size) {
        byte[] topic = PublishFrames.topic("bench/ü/7");
        ByteBuf frame = Unpooled.buffer(PublishFrames.maxFrameSize(topic, size));
        PublishFrames.writeHeader(frame, qos, topic, qos > 0 ? 4242 : 0, size);
        BenchPayload.write(frame, size, 7, 123_456_789L, 987L, true);
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(4 * 1024 * 1024));

        channel.writeInbound(frame);

        MqttPublishMessage publish = channel.readInbound();
        try {
            assertThat(publish.decoderResult().isSuccess()).isTrue();
            assertThat(publish.variableHeader().topicName()).isEqualTo("bench/ü/7");
            assertThat(publish.fixedHeader().qosLevel().value()).isEqualTo(qos);
            assertThat(publish.variableHeader().packetId()).isEqualTo(qos > 0 ? 4242 : -1);
            ByteBuf payload = publish.payload();
            assertThat(payload.readableBytes()).isEqualTo(size);
            assertThat(BenchPayload.publisherId(payload)).isEqualTo(7);
            assertThat(BenchPayload.sequence(payload)).isEqualTo(123_456_789L);
            assertThat(BenchPayload.sentNanos(payload)).isEqualTo(987L);
            assertThat(BenchPayload.measured(payload)).isTrue();
        } finally {
            publish.release();
            channel.finishAndReleaseAll();
        }
    }
}
