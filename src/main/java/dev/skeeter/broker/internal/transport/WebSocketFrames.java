package dev.skeeter.broker.internal.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * MQTT over WebSockets: the bytes of binary frames (and their continuations) form one stream, so a packet may span
 * frames and a frame may hold several packets; what the broker writes goes out as binary frames. A text frame is a
 * protocol error (MQTT over WebSockets is binary only) and closes the connection. One instance per channel.
 */
public final class WebSocketFrames extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {
    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        out.add(new BinaryWebSocketFrame(msg.retain()));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame) {
            out.add(frame.content().retain());
        } else {
            // Ping, pong and close are answered by Netty's protocol handler before they get here.
            ctx.close();
        }
    }
}
