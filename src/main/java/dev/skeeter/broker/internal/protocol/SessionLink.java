package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.broker.internal.session.ClientConnection;
import dev.skeeter.broker.internal.session.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;

/**
 * A connection as its session sees it ({@link ClientConnection}): writes go to the connection's
 * {@link OutboundWriter}, congestion signals to its {@link ReadThrottle}, the rest back to its handler. Confined to
 * the channel's event loop.
 */
final class SessionLink implements ClientConnection {
    private final MqttConnectionHandler handler;
    private final ChannelHandlerContext ctx;
    private final OutboundWriter out;
    private final ReadThrottle throttle;

    SessionLink(MqttConnectionHandler handler, ChannelHandlerContext ctx, OutboundWriter out) {
        this.handler = handler;
        this.ctx = ctx;
        this.out = out;
        this.throttle = new ReadThrottle(ctx.channel(), this);
    }

    ReadThrottle throttle() {
        return throttle;
    }

    @Override
    public EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public boolean isWritable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void sendPublish(Message message, int qos, int packetId, boolean duplicate) {
        if (!handler.isClosed()) { // when closed, the session resends QoS > 0 on the next connection
            out.publish(message, qos, packetId, duplicate);
        }
    }

    @Override
    public void sendPubrel(int packetId) {
        out.send(Packets.pubrel(packetId));
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void takeOver() {
        handler.takenOver();
    }

    @Override
    public void congestionChanged(boolean congested) {
        throttle.ownSessionCongested(congested);
        if (congested) {
            // Called from inside a delivery (maybe while handling one of this connection's own packets): replay later.
            ctx.executor().execute(handler::replayPending);
        }
    }

    @Override
    public void resumeAfterDrain(Session drained) {
        throttle.resumed(drained);
        handler.replayPending();
    }

    @Override
    public void sessionReady(Session session, boolean sessionPresent) {
        handler.sessionReady(sessionPresent);
    }
}
