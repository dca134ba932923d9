package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.routing.Message;
import io.netty.channel.EventLoop;

/**
 * What a session needs from the network connection it is attached to. The protocol layer implements it, so the
 * session model knows nothing of packet encodings, reason codes or properties (room for MQTT 5). Called only on
 * {@link #eventLoop()}.
 */
public interface ClientConnection {

    EventLoop eventLoop();

    /** False while the socket's write buffer is above its high water mark. */
    boolean isWritable();

    /** Writes (without flushing) a PUBLISH; {@code packetId} is ignored at QoS 0. */
    void sendPublish(Message message, int qos, int packetId, boolean duplicate);

    void sendPubrel(int packetId);

    void flush();

    /** Closes this connection because a new one with the same client id took the session over. */
    void takeOver();

    /**
     * The attached session became congested (true) or drained (false). While it is congested this connection must
     * keep reading whatever else it waits for: the acknowledgements that drain the session arrive on it.
     */
    void congestionChanged(boolean congested);

    /** A session this connection paused for (see {@link Session#awaitDrain}) drained, went offline or stalled. */
    void resumeAfterDrain(Session session);

    /** Called once the session is attached, before any resend: sends CONNACK with the session-present flag. */
    void sessionReady(Session session, boolean sessionPresent);
}
