package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.BrokerEvents;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.stream.Collectors;

/**
 * Logs every packet in and out, one line each, in the shape of {@code mosquitto -v}:
 * {@code Received PUBLISH from client-1 (d0, q1, r0, m3, 'a/b', ... (5 bytes))}. Only in the pipeline when
 * packet logging is on, so it costs nothing otherwise. Payloads are never logged. Channel-confined.
 */
public final class PacketLogHandler extends ChannelDuplexHandler {
    private final BrokerEvents events;

    public PacketLogHandler(BrokerEvents events) {
        this.events = events;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MqttMessage m) {
            String client = clientOf(ctx, m);
            events.packet(client, "Received " + describe(m) + " from " + client + details(m));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof MqttMessage m) {
            String client = clientOf(ctx, m);
            events.packet(client, "Sending " + describe(m) + " to " + client + details(m));
        }
        ctx.write(msg, promise);
    }

    private static String clientOf(ChannelHandlerContext ctx, MqttMessage m) {
        String id = ctx.channel().attr(MqttConnectionHandler.CLIENT_ID).get();
        if (id != null) {
            return id;
        }
        if (m instanceof MqttConnectMessage c && m.decoderResult().isSuccess()
                && !c.payload().clientIdentifier().isEmpty()) {
            return c.payload().clientIdentifier();
        }
        return "<unknown>";
    }

    private static String describe(MqttMessage m) {
        if (m.decoderResult().isFailure() || m.fixedHeader() == null) {
            return "malformed packet";
        }
        return m.fixedHeader().messageType().name();
    }

    static String details(MqttMessage m) {
        if (m.decoderResult().isFailure()) {
            return " (" + m.decoderResult().cause().getMessage() + ")";
        }
        if (m instanceof MqttPublishMessage p) {
            var h = p.fixedHeader();
            return " (d" + (h.isDup() ? 1 : 0) + ", q" + h.qosLevel().value() + ", r" + (h.isRetain() ? 1 : 0)
                    + ", m" + Math.max(0, p.variableHeader().packetId()) + ", '" + p.variableHeader().topicName()
                    + "', ... (" + p.payload().readableBytes() + " bytes))";
        }
        if (m instanceof MqttConnectMessage c) {
            var h = c.variableHeader();
            return " (p" + h.version() + ", c" + (h.isCleanSession() ? 1 : 0) + ", k" + h.keepAliveTimeSeconds()
                    + (h.hasUserName() ? ", u'" + c.payload().userName() + "'" : "") + ")";
        }
        if (m instanceof MqttConnAckMessage a) {
            return " (" + (a.variableHeader().isSessionPresent() ? 1 : 0) + ", "
                    + a.variableHeader().connectReturnCode().byteValue() + ")";
        }
        if (m instanceof MqttSubscribeMessage s) {
            return " (m" + s.variableHeader().messageId() + ", " + s.payload().topicSubscriptions().stream()
                    .map(PacketLogHandler::subscription).collect(Collectors.joining(", ")) + ")";
        }
        if (m instanceof MqttUnsubscribeMessage u) {
            return " (m" + u.variableHeader().messageId() + ", " + u.payload().topics().stream()
                    .map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + ")";
        }
        if (m instanceof MqttSubAckMessage s) {
            return " (m" + s.variableHeader().messageId() + ", " + s.payload().grantedQoSLevels() + ")";
        }
        if (m.variableHeader() instanceof MqttMessageIdVariableHeader id) {
            return " (m" + id.messageId() + ")";
        }
        return "";
    }

    private static String subscription(MqttTopicSubscription s) {
        return "'" + s.topicFilter() + "' q" + s.qualityOfService().value();
    }
}
