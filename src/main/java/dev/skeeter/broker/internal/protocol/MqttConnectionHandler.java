package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.Authenticator;
import dev.skeeter.broker.Authoriser;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerTls;
import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.broker.internal.auth.AuthResult;
import dev.skeeter.broker.internal.auth.CertificateNames;
import dev.skeeter.broker.internal.auth.Guard;
import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.broker.internal.session.Session;
import dev.skeeter.mqtt.InvalidTopicException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttIdentifierRejectedException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
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
import java.util.concurrent.TimeUnit;

/**
 * One client connection: a small state machine (awaiting CONNECT, connecting, connected, closed) with one method
 * per packet type. Confined to the channel's event loop; inbound messages are released on every path and payloads
 * are copied out of the network buffer once, into a {@link Message} shared by all subscribers.
 *
 * <p>Its session sees it through a {@link SessionLink}; what a client may publish, in PUBLISH packets and in its will,
 * is decided by the {@link PublishPolicy}. Back-pressure: a {@link ReadThrottle} pauses reading while a session this
 * connection published to is congested.
 */
public final class MqttConnectionHandler extends ChannelInboundHandlerAdapter {
    /** The client id once known, for the packet log. */
    public static final AttributeKey<String> CLIENT_ID = AttributeKey.valueOf("skeeter.clientId");
    /** Netty's codec keeps the protocol version under this name; the encoder formats CONNACK by it. */
    private static final AttributeKey<MqttVersion> NETTY_MQTT_VERSION =
            AttributeKey.valueOf("NETTY_CODEC_MQTT_VERSION");

    private enum State { AWAITING_CONNECT, CONNECTING, CONNECTED, CLOSED }

    private final BrokerCore core;
    private final ListenerConfig listener;
    private final Guard guard;
    private final PublishPolicy policy;
    private final ConnectLimits limits;
    private State state = State.AWAITING_CONNECT;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> connectTimeout;
    /** Packets read but not yet handled (see {@link #channelRead}); released when handled or closed. */
    private final ArrayDeque<MqttMessage> pending = new ArrayDeque<>();
    private OutboundWriter out;
    private SessionLink link;
    private ReadThrottle throttle;

    /** Set once CONNECT is read and checked. */
    private ConnectFacts client;
    private Session session;
    /** Set once the session is attached. */
    private SessionPackets packets;
    private boolean accepted;
    private boolean willDiscarded;
    private volatile boolean takenOver;
    private String closeReason;
    private boolean closeIsError;

    public MqttConnectionHandler(BrokerCore core) {
        this(core, null);
    }

    /** {@code listener} decides the security rules and the certificate user names; null for the first's. */
    public MqttConnectionHandler(BrokerCore core, ListenerConfig listener) {
        this.core = core;
        this.listener = listener;
        this.guard = core.guards().of(listener);
        this.policy = new PublishPolicy(core, guard);
        this.limits = ConnectLimits.of(core.config(), listener == null ? core.config().security()
                : core.config().securityOf(listener));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.out = new OutboundWriter(context, core.metrics(), core.config().logPackets());
        this.link = new SessionLink(this, context, out);
        this.throttle = link.throttle();
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
            core.events().warn(clientId(), "Internal error handling a packet from " + address() + ": " + e);
            close("internal error: " + e, true);
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void dispatch(MqttMessage message) {
        switch (message.fixedHeader().messageType()) {
            case PUBLISH -> packets.publish((MqttPublishMessage) message);
            case PUBACK -> packets.puback(packetId(message));
            case PUBREC -> packets.pubrec(packetId(message));
            case PUBREL -> packets.pubrel(packetId(message));
            case PUBCOMP -> packets.pubcomp(packetId(message));
            case SUBSCRIBE -> packets.subscribe((MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> packets.unsubscribe((MqttUnsubscribeMessage) message);
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
        try {
            client = ConnectFacts.of(connect, remoteAddress(), limits);
        } catch (ConnectFacts.Refused refused) {
            if (refused.code() == MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION) {
                // Netty decodes MQTT 5 too; this broker speaks 3.1 and 3.1.1, and answers in 3.1.1's format.
                ctx.channel().attr(NETTY_MQTT_VERSION).set(MqttVersion.MQTT_3_1_1);
            }
            refuse(refused.code(), refused.getMessage());
            return;
        }
        ctx.channel().attr(CLIENT_ID).set(client.clientId());
        if (client.keepAliveSeconds() > 0) {
            // The server closes after one and a half keepalive periods of silence [MQTT-3.1.2-24]; 0 means never.
            ctx.pipeline().addFirst("keepalive",
                    new IdleStateHandler(client.keepAliveSeconds() * 1500L, 0, 0, TimeUnit.MILLISECONDS));
        }
        state = State.CONNECTING;
        ctx.channel().config().setAutoRead(false);
        ListenerTls tls = listener == null ? null : listener.tls();
        if (tls != null && (tls.useIdentityAsUsername() || tls.useSubjectAsUsername())) {
            // As mosquitto: the certificate is the login; a user name and password in the CONNECT are ignored.
            String name = CertificateNames.username(ctx.pipeline(), tls.useIdentityAsUsername());
            if (name == null) {
                refuse(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD, "no client certificate "
                        + (tls.useIdentityAsUsername() ? "with a CN for use_identity_as_username"
                        : "for use_subject_as_username"));
                return;
            }
            client = client.withUsername(name);
            afterAuthentication(new AuthResult(Authenticator.Decision.ALLOW, null), null);
            return;
        }
        var header = connect.variableHeader();
        byte[] password = header.hasPassword() ? connect.payload().passwordInBytes() : null;
        var credentials = new Authenticator.Credentials(client.clientId(), client.username(), password,
                client.remoteAddress());
        guard.authenticate(credentials).whenComplete((result, error) -> {
            if (ctx.executor().inEventLoop()) {
                afterAuthentication(result, error);
            } else {
                ctx.executor().execute(() -> afterAuthentication(result, error));
            }
        });
    }

    private void afterAuthentication(AuthResult result, Throwable error) {
        if (state != State.CONNECTING) {
            return; // closed meanwhile
        }
        if (error != null) {
            core.events().warn(clientId(), "Authenticator failed for " + clientId() + ": " + error);
            result = new AuthResult(Authenticator.Decision.NOT_AUTHORISED, "the authenticator failed: " + error);
        }
        String why = result.reason() == null ? "" : ": " + result.reason();
        switch (result.decision()) {
            case ALLOW -> session = core.sessions().connect(client.clientId(), client.cleanSession(), link);
            case BAD_CREDENTIALS -> refuse(MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD,
                    "bad user name or password" + why);
            default -> refuse(MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED, "not authorised" + why);
        }
    }

    /** The session is attached (called through the {@link SessionLink}): CONNACK, then the held packets. */
    void sessionReady(boolean sessionPresent) {
        if (state != State.CONNECTING) {
            return; // closed before the session was ready; channelInactive detached it
        }
        state = State.CONNECTED;
        accepted = true;
        packets = new SessionPackets(core, policy, client, session, out, target -> throttle.pauseFor(target, session));
        Authoriser.Identity identity = client.identity();
        session.readPermission(topic -> guard.mayReceive(identity, topic));
        // 3.1 has no session-present flag: its CONNACK byte is reserved.
        out.send(Packets.connack(MqttConnectReturnCode.CONNECTION_ACCEPTED,
                sessionPresent && client.protocolLevel() == 4));
        ClientInfo info = new ClientInfo(client.clientId(), client.remoteAddress(), Instant.now(), client.username());
        core.clientConnected(ctx.channel(), info);
        core.events().info(client.clientId(), "New client connected from " + address() + " as " + client.clientId()
                + " (p" + client.protocolLevel() + ", c" + (client.cleanSession() ? 1 : 0) + ", k"
                + client.keepAliveSeconds() + ")");
        throttle.start();
        replayPending(); // reading again once replayed, unless a replayed publish met a congested subscriber
    }

    /** Handles held packets in order until none is left or a congested subscriber pauses this connection again. */
    void replayPending() {
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
        core.metrics().packetSent();
        ctx.writeAndFlush(Packets.connack(code, false)).addListener(ChannelFutureListener.CLOSE);
    }

    // ---- PINGREQ, DISCONNECT ----

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
            close("keepalive expired (" + client.keepAliveSeconds() + " s) [MQTT-3.1.2-24]", true);
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
        Message will = client == null ? null : client.will();
        // Every close that is not a DISCONNECT [MQTT-3.1.2-8], under the rules of the client's own publishes.
        if (accepted && will != null && !willDiscarded
                && policy.admits(client, will.topic(), will.payload().length, true)) {
            core.router().publish(will);
        }
        if (session != null) {
            session.detach(link);
        }
        core.clientDisconnected(context.channel(), reason);
        String who = client == null ? "<unknown>" : client.clientId();
        String line = "Client " + who + " from " + address() + " closed: " + reason;
        if (closeIsError && !takenOver) {
            core.events().warn(clientId(), line);
        } else {
            core.events().info(clientId(), line);
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

    // ---- called through the SessionLink, on this channel's loop ----

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** A new connection with the same client id took the session over [MQTT-3.1.4-2]. */
    void takenOver() {
        takenOver = true;
        ctx.channel().close();
    }

    // ---- helpers ----

    private InetSocketAddress remoteAddress() {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null;
    }

    private String address() {
        return ConnectFacts.address(remoteAddress());
    }

    private String clientId() {
        return client == null ? null : client.clientId();
    }
}
