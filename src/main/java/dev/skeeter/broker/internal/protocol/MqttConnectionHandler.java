package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.Authenticator;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.mqtt.InvalidTopicException;
import dev.skeeter.mqtt.Topics;
import dev.skeeter.broker.internal.session.ClientConnection;
import dev.skeeter.broker.internal.session.Message;
import dev.skeeter.broker.internal.session.Session;
import dev.skeeter.broker.internal.transport.MalformedPacketException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client connection: a small state machine (awaiting CONNECT, connecting, connected, closed) with one method
 * per packet type. Confined to the channel's event loop; inbound messages are released on every path and payloads
 * are copied out of the network buffer once, into a {@link Message} shared by all subscribers.
 *
 * <p>Back-pressure: a {@link ReadThrottle} pauses reading while a session this connection published to is congested.
 */
public final class MqttConnectionHandler extends ChannelInboundHandlerAdapter implements ClientConnection {
    /** The client id once known, for the packet log. */
    public static final AttributeKey<String> CLIENT_ID = AttributeKey.valueOf("skeeter.clientId");
    /** Netty's codec keeps the protocol version under this name; the encoder formats CONNACK by it. */
    private static final AttributeKey<MqttVersion> NETTY_MQTT_VERSION =
            AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private enum State { AWAITING_CONNECT, CONNECTING, CONNECTED, CLOSED }

    private final BrokerCore core;
    private State state = State.AWAITING_CONNECT;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> connectTimeout;
    private final ArrayDeque<MqttMessage> pending = new ArrayDeque<>();

    private String clientId;
    private String username;
    private boolean cleanSession;
    private int protocolLevel;
    private int keepAlive;
    private Message will;
    private boolean willDiscarded;
    private Session session;
    private OutboundWriter out;
    private boolean accepted;
    private volatile boolean takenOver;
    private String closeReason;
    private boolean closeIsError;
    private ReadThrottle throttle;
    private final Consumer<Session> onCongested = target -> throttle.pauseFor(target, session);

    public MqttConnectionHandler(BrokerCore core) {
        this.core = core;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.out = new OutboundWriter(context, core.metrics(), core.config().logPackets());
        this.throttle = new ReadThrottle(context.channel(), this);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        long millis = core.config().connectTimeout().toMillis();
        connectTimeout = context.executor().schedule(() -> {
            if (state == State.AWAITING_CONNECT) {
                close("no CONNECT within " + millis + " ms", true);
            }
        }, millis, TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof MqttMessage message)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (state == State.CONNECTING || state == State.CONNECTED && (throttle.paused() || !pending.isEmpty())) {
            // Held until CONNECT is accepted, or until the sessions this connection waits for drain: what was
            // already read when reading paused is not routed into a congested session (so nothing is dropped for
            // it). Released when replayed or when the channel closes.
            pending.add(message);
            return;
        }
        handle(message);
    }

    private void handle(MqttMessage message) {
        try {
            if (message.decoderResult().isFailure()) {
                onDecoderFailure(message.decoderResult().cause());
            } else if (state == State.AWAITING_CONNECT) {
                if (message.fixedHeader().messageType() == MqttMessageType.CONNECT) {
                    onConnect((MqttConnectMessage) message);
                } else {
                    close("first packet was " + message.fixedHeader().messageType() + ", not CONNECT [MQTT-3.1.0-1]",
                            true);
                }
            } else if (state == State.CONNECTED) {
                dispatch(message);
            }
        } catch (MalformedPacketException | InvalidTopicException e) {
            close("protocol error: " + e.getMessage(), true);
        } catch (RuntimeException e) {
            // Never let one client's packet disturb the broker or another client.
            core.events().warn(clientId, "Internal error handling a packet from " + address() + ": " + e);
            close("internal error: " + e, true);
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void dispatch(MqttMessage message) {
        switch (message.fixedHeader().messageType()) {
            case PUBLISH -> onPublish((MqttPublishMessage) message);
            case PUBACK -> session.puback(packetId(message));
            case PUBREC -> onPubrec(packetId(message));
            case PUBREL -> onPubrel(packetId(message));
            case PUBCOMP -> session.pubcomp(packetId(message));
            case SUBSCRIBE -> onSubscribe((MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> onUnsubscribe((MqttUnsubscribeMessage) message);
            case PINGREQ -> onPingreq();
            case DISCONNECT -> onDisconnect();
            case CONNECT -> close("second CONNECT [MQTT-3.1.0-2]", true);
            default -> close("unexpected " + message.fixedHeader().messageType() + " from a client", true);
        }
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    private void onDecoderFailure(Throwable cause) {
        if (state == State.AWAITING_CONNECT && cause instanceof MqttUnacceptableProtocolVersionException) {
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "unsupported protocol [MQTT-3.1.2-2]: " + cause.getMessage());
        } else if (state == State.AWAITING_CONNECT && cause instanceof MqttIdentifierRejectedException) {
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                    "client id rejected: " + cause.getMessage());
        } else if (cause instanceof TooLongFrameException) {
            close("packet exceeds max_packet_size: " + cause.getMessage(), true);
        } else {
            close("malformed packet: " + cause.getMessage(), true);
        }
    }

    // ---- CONNECT ----

    private void onConnect(MqttConnectMessage connect) {
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
        }
        var header = connect.variableHeader();
        var payload = connect.payload();
        protocolLevel = header.version();
        if (protocolLevel != 3 && protocolLevel != 4) {
            // Netty decodes MQTT 5 too; this broker speaks 3.1 and 3.1.1, and answers in 3.1.1's format.
            ctx.channel().attr(NETTY_MQTT_VERSION).set(MqttVersion.MQTT_3_1_1);
            refuse(MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
                    "unsupported protocol level " + protocolLevel + " [MQTT-3.1.2-2]");
            return;
        }
        String violation = ConnectRules.violation(connect);
        if (violation != null) {
            close("invalid CONNECT: " + violation, true);
            return;
        }
        cleanSession = header.isCleanSession();
        clientId = payload.clientIdentifier();
        username = header.hasUserName() ? payload.userName() : null;
        if (clientId == null || clientId.isEmpty()) {
            if (!cleanSession) {
                refuse(MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
                        "zero-length client id without clean session [MQTT-3.1.3-8]");
                return;
            }
            clientId = "auto-" + UUID.randomUUID(); // [MQTT-3.1.3-6]
        }
        ctx.channel().attr(CLIENT_ID).set(clientId);
        if (header.isWillFlag()) {
            will = new Message(payload.willTopic(), payload.willMessageInBytes(), header.willQos(),
                    header.isWillRetain());
        }
        keepAlive = header.keepAliveTimeSeconds();
        if (keepAlive > 0) {
            // The server closes after one and a half keepalive periods of silence [MQTT-3.1.2-24]; 0 means never.
            ctx.pipeline().addFirst("keepalive",
                    new IdleStateHandler(keepAlive * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        state = State.CONNECTING;
        ctx.channel().config().setAutoRead(false);
        byte[] password = header.hasPassword() ? payload.passwordInBytes() : null;
        var credentials = new Authenticator.Credentials(clientId, username, password, remoteAddress());
        core.config().authenticator().authenticate(credentials).whenComplete((decision, error) -> {
            if (ctx.executor().inEventLoop()) {
                afterAuthentication(decision, error);
            } else {
                ctx.executor().execute(() -> afterAuthentication(decision, error));
            }
        });
    }

    private void afterAuthentication(Authenticator.Decision decision, Throwable error) {
        if (state != State.CONNECTING) {
            return; // closed meanwhile
        }
        if (error != null) {
            core.events().warn(clientId, "Authenticator failed for " + clientId + ": " + error);
            decision = Authenticator.Decision.NOT_AUTHORISED;
        }
        switch (decision) {
            case ALLOW -> session = core.sessions().connect(clientId, cleanSession, this);
            case BAD_CREDENTIALS -> refuse(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
                    "bad user name or password");
            default -> refuse(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED, "not authorised");
        }
    }

    @Override
    public void sessionReady(Session attached, boolean sessionPresent) {
        if (state != State.CONNECTING) {
            return; // closed before the session was ready; channelInactive detached it
        }
        state = State.CONNECTED;
        accepted = true;
        // 3.1 has no session-present flag: its CONNACK byte is reserved.
        out.send(Packets.connack(MqttConnectReturnCode.CONNECTION_ACCEPTED, sessionPresent && protocolLevel == 4));
        ClientInfo info = new ClientInfo(clientId, remoteAddress(), Instant.now(), username);
        core.clientConnected(ctx.channel(), info);
        core.events().info(clientId, "New client connected from " + address() + " as " + clientId + " (p"
                + protocolLevel + ", c" + (cleanSession ? 1 : 0) + ", k" + keepAlive + ")");
        throttle.start();
        replayPending(); // reading again once replayed, unless a replayed publish met a congested subscriber
    }

    /** Handles held packets in order until none is left or a congested subscriber pauses this connection again. */
    private void replayPending() {
        while (state == State.CONNECTED && !throttle.paused() && !pending.isEmpty()) {
            handle(pending.poll());
        }
        out.flushIfNeeded();
        throttle.holding(!pending.isEmpty());
    }

    private void refuse(MqttConnectReturnCode code, String reason) {
        state = State.CLOSED;
        closeReason = "connection refused (" + code.byteValue() + "): " + reason;
        closeIsError = true;
        ctx.writeAndFlush(Packets.connack(code, false)).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- PUBLISH and its acknowledgements ----

    private void onPublish(MqttPublishMessage publish) {
        var fixed = publish.fixedHeader();
        int qos = fixed.qosLevel().value();
        String topic = publish.variableHeader().topicName();
        Topics.validateTopicName(topic); // wildcards, empty, U+0000 close the connection [MQTT-3.3.2-2]
        if (qos == 0 && fixed.isDup()) {
            throw new MalformedPacketException("DUP set on a QoS 0 PUBLISH [MQTT-3.3.1-2]");
        }
        int packetId = publish.variableHeader().packetId();
        core.metrics().received();
        ByteBuf content = publish.payload();
        int limit = core.config().messageSizeLimit();
        boolean deliver = true;
        if (limit > 0 && content.readableBytes() > limit) {
            // Dropped but acknowledged, and the connection stays, as mosquitto's message_size_limit.
            core.metrics().dropped();
            core.events().info(clientId, "Dropped a PUBLISH of " + content.readableBytes() + " bytes from "
                    + clientId + ": over message_size_limit " + limit);
            deliver = false;
        } else if (Topics.isSysTopic(topic)) {
            deliver = false; // the broker owns $SYS; clients' publishes there are dropped, as mosquitto does
        }
        switch (qos) {
            case 0 -> {
                if (deliver) {
                    route(topic, content, 0, fixed.isRetain());
                }
            }
            case 1 -> {
                if (deliver) {
                    route(topic, content, 1, fixed.isRetain());
                }
                out.send(Packets.puback(packetId));
            }
            default -> {
                // Exactly once: a resend of a packet id still awaiting PUBREL is not routed again [MQTT-4.3.3-2].
                if (session.inboundQos2(packetId) && deliver) {
                    route(topic, content, 2, fixed.isRetain());
                }
                out.send(Packets.pubrec(packetId));
            }
        }
    }

    private void route(String topic, ByteBuf content, int qos, boolean retain) {
        core.router().publish(new Message(topic, ByteBufUtil.getBytes(content), qos, retain), onCongested);
    }

    private void onPubrec(int packetId) {
        session.pubrec(packetId);
        out.send(Packets.pubrel(packetId)); // [MQTT-4.3.3-1] answered even for an unknown id
    }

    private void onPubrel(int packetId) {
        session.inboundPubrel(packetId);
        out.send(Packets.pubcomp(packetId));
    }

    // ---- SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT ----

    private void onSubscribe(MqttSubscribeMessage subscribe) {
        List<MqttTopicSubscription> requests = subscribe.payload().topicSubscriptions();
        if (requests.isEmpty()) {
            throw new MalformedPacketException("SUBSCRIBE without topic filters [MQTT-3.8.3-3]");
        }
        for (MqttTopicSubscription request : requests) {
            Topics.validateTopicFilter(request.topicFilter()); // a malformed filter closes [MQTT-4.8.0-1]
        }
        List<Integer> granted = new ArrayList<>(requests.size());
        for (MqttTopicSubscription request : requests) {
            int qos = request.qualityOfService().value();
            session.subscribe(request.topicFilter(), qos); // replaces an identical filter [MQTT-3.8.4-3]
            granted.add(qos);
        }
        out.send(Packets.suback(subscribe.variableHeader().messageId(), granted)); // [MQTT-3.8.4-1]
        for (int i = 0; i < requests.size(); i++) {
            core.router().sendRetained(requests.get(i).topicFilter(), session, granted.get(i)); // [MQTT-3.3.1-6]
        }
    }

    private void onUnsubscribe(MqttUnsubscribeMessage unsubscribe) {
        List<String> filters = unsubscribe.payload().topics();
        if (filters.isEmpty()) {
            throw new MalformedPacketException("UNSUBSCRIBE without topic filters [MQTT-3.10.3-2]");
        }
        for (String filter : filters) {
            Topics.validateTopicFilter(filter);
        }
        for (String filter : filters) {
            session.unsubscribe(filter);
        }
        out.send(Packets.unsuback(unsubscribe.variableHeader().messageId())); // even if none existed [MQTT-3.10.4-5]
    }

    private void onPingreq() {
        out.send(Packets.pingresp()); // [MQTT-3.12.4-1]
    }

    private void onDisconnect() {
        willDiscarded = true; // [MQTT-3.14.4-3]
        close("disconnected", false);
    }

    // ---- channel events ----

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        out.flushIfNeeded();
        context.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (state == State.CONNECTED && context.channel().isWritable()) {
            session.pump();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof IdleStateEvent) {
            if (throttle.paused() || !pending.isEmpty()) {
                return; // the silence is ours: this connection is not being read (back-pressure)
            }
            close("keepalive expired (" + keepAlive + " s) [MQTT-3.1.2-24]", true);
        } else {
            context.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof MalformedPacketException) {
            close("protocol error: " + cause.getMessage(), true);
        } else if (cause instanceof IOException) {
            close("socket error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), true);
        } else {
            close("error: " + cause, true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        state = State.CLOSED;
        throttle.stop();
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
        }
        for (MqttMessage m; (m = pending.poll()) != null; ) {
            ReferenceCountUtil.release(m);
        }
        out.release();
        String reason = takenOver ? "taken over by a new connection [MQTT-3.1.4-2]"
                : closeReason != null ? closeReason : "connection closed by the client";
        if (accepted && will != null && !willDiscarded) {
            // every close that is not a DISCONNECT [MQTT-3.1.2-8]; the broker owns $SYS
            core.router().publishWill(will, core.config().messageSizeLimit(), core.metrics());
        }
        if (session != null) {
            session.detach(this);
        }
        core.clientDisconnected(context.channel(), reason);
        String who = clientId == null || clientId.isEmpty() ? "<unknown>" : clientId;
        String line = "Client " + who + " from " + address() + " closed: " + reason;
        if (closeIsError && !takenOver) {
            core.events().warn(clientId, line);
        } else {
            core.events().info(clientId, line);
        }
        context.fireChannelInactive();
    }

    private void close(String reason, boolean error) {
        if (closeReason == null) {
            closeReason = reason;
            closeIsError = error;
        }
        state = State.CLOSED;
        throttle.stop();
        out.flush(); // acknowledgements of packets before the one that closes still go out
        ctx.close();
    }

    // ---- ClientConnection: called by the session on this channel's loop ----

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
        if (state != State.CLOSED) { // when closed, the session resends QoS > 0 on the next connection
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
    public void resumeAfterDrain(Session drained) {
        throttle.resumed(drained);
        replayPending();
    }

    @Override
    public void congestionChanged(boolean congested) {
        throttle.ownSessionCongested(congested);
        if (!congested) {
            return;
        }
        // Called from inside a delivery (maybe while handling one of this connection's own packets): replay later.
        ctx.executor().execute(this::replayPending);
    }

    @Override
    public void takeOver() {
        takenOver = true;
        ctx.channel().close();
    }

    // ---- helpers ----

    private InetSocketAddress remoteAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
    }

    private String address() {
        InetSocketAddress a = remoteAddress();
        return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
