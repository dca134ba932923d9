package dev.skeeter.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One bench connection: an MQTT 3.1.1 client written directly on Netty's codec, so a single event-loop thread can
 * drive many of them. It may publish generated messages (publisher, requester), account what it receives
 * (subscriber, requester) or echo what it receives (responder). It implements the QoS 1 and 2 flows in both
 * directions ({@link PacketFlow}), caps unacknowledged outbound PUBLISH packets at {@code maxInflight}, stops writing
 * while the channel is not writable, and flushes once per batch ({@link PublishBatch}).
 *
 * <p>Thread-confined to its channel's event loop, except {@link #ready()}, {@link #sent()} and
 * {@link #received()}, which the coordinating thread polls.
 */
final class BenchClient extends ChannelInboundHandlerAdapter {
    private static final int KEEPALIVE_SECONDS = 60;

    private final BenchConfig config;
    private final String clientId;
    private final int publisherId;
    private final byte[] publishTopic;
    private final String subscribeFilter;
    private final byte[][] echoTopics;
    private final PublishBatch publishBatch;
    private final int trackedPublishers;
    private final MqttQoS qos;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private final ArrayDeque<Echo> echoes = new ArrayDeque<>();
    private Channel channel;
    private PacketFlow flow;
    private ScheduledFuture<?> keepAlive;
    private Timeline timeline;
    private volatile ReceiveTracker tracker;
    private boolean publishing;
    private boolean pumpQueued;
    private boolean closing;
    private long sequence;
    private long repliesReceived;
    private volatile long sentMeasured;
    private volatile String failure;

    private BenchClient(BenchConfig config, String clientId, int publisherId, String publishTopic,
                        String subscribeFilter, String[] echoTopics, int trackedPublishers) {
        this.config = config;
        this.clientId = clientId;
        this.publisherId = publisherId;
        this.publishTopic = publishTopic == null ? null : publishTopic.getBytes(StandardCharsets.UTF_8);
        this.subscribeFilter = subscribeFilter;
        this.echoTopics = echoTopics == null ? null
                : Arrays.stream(echoTopics).map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        this.publishBatch = new PublishBatch(this.echoTopics != null ? this.echoTopics
                : this.publishTopic != null ? new byte[][] {this.publishTopic} : new byte[0][]);
        this.trackedPublishers = trackedPublishers;
        this.qos = MqttQoS.valueOf(config.qos());
    }

    static BenchClient publisher(BenchConfig config, String clientId, int publisherId, String topic) {
        return new BenchClient(config, clientId, publisherId, topic, null, null, 0);
    }

    /** Subscribes to {@code filter} and accounts messages from publishers {@code 0..publishers-1}. */
    static BenchClient subscriber(BenchConfig config, String clientId, String filter, int publishers) {
        return new BenchClient(config, clientId, -1, null, filter, null, publishers);
    }

    /** Publishes requests and accounts the echoed replies; keeps at most {@code maxInflight} unanswered. */
    static BenchClient requester(BenchConfig config, String clientId, int publisherId, String requestTopic,
                                 String replyTopic, int publishers) {
        return new BenchClient(config, clientId, publisherId, requestTopic, replyTopic, null, publishers);
    }

    /** Republishes every request from publisher {@code i} to {@code replyTopics[i]}. */
    static BenchClient responder(BenchConfig config, String clientId, String requestFilter, String[] replyTopics) {
        return new BenchClient(config, clientId, -1, null, requestFilter, replyTopics, 0);
    }

    /** Completes once connected and subscribed; fails when the broker refuses or the connection drops. */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Messages published inside the measured window. */
    long sent() {
        return sentMeasured;
    }

    /** Distinct measured messages received so far; 0 before {@link #begin}. */
    long received() {
        ReceiveTracker current = tracker;
        return current == null ? 0 : current.received();
    }

    /** Every message received so far, warm-up included; 0 before {@link #begin}. */
    long arrivals() {
        ReceiveTracker current = tracker;
        return current == null ? 0 : current.arrivals();
    }

    boolean publishes() {
        return publishTopic != null;
    }

    /** The receive counts, taken on the event loop; empty for clients that do not account. */
    CompletableFuture<ReceiveTracker.Snapshot> snapshot() {
        CompletableFuture<ReceiveTracker.Snapshot> result = new CompletableFuture<>();
        channel.eventLoop().execute(() -> result.complete(tracker == null ? null : tracker.snapshot()));
        return result;
    }

    /** Why the connection failed, or null. */
    String failure() {
        return failure;
    }

    /** Hands over the schedule and, for a publishing client, starts publishing; call on any thread. */
    CompletableFuture<Void> begin(Timeline timeline) {
        CompletableFuture<Void> begun = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            this.timeline = timeline;
            if (trackedPublishers > 0) {
                tracker = new ReceiveTracker(timeline, trackedPublishers);
            }
            if (publishTopic != null) {
                publishing = true;
                pump();
            }
            begun.complete(null);
        });
        return begun;
    }

    /** Sends DISCONNECT and closes; the returned future completes when the channel is closed. */
    CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.closeFuture().addListener(f -> closed.complete(null));
        channel.eventLoop().execute(() -> {
            closing = true;
            publishing = false;
            if (channel.isActive()) {
                channel.writeAndFlush(MqttMessage.DISCONNECT).addListener(f -> channel.close());
            } else {
                channel.close();
            }
        });
        return closed;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        flow = new PacketFlow(channel.alloc());
        ctx.writeAndFlush(config.connect(clientId, KEEPALIVE_SECONDS));
        // A plain timer rather than IdleStateHandler, which would add a listener to every write.
        keepAlive = ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(MqttMessage.PINGREQ),
                KEEPALIVE_SECONDS / 2, KEEPALIVE_SECONDS / 2, TimeUnit.SECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof MqttMessage message) {
                if (message.decoderResult().isFailure()) {
                    fail("undecodable packet from the broker: " + message.decoderResult().cause());
                    return;
                }
                handle(message);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handle(MqttMessage message) {
        switch (message.fixedHeader().messageType()) {
            case CONNACK -> onConnAck((MqttConnAckMessage) message);
            case SUBACK -> onSubAck((MqttSubAckMessage) message);
            case PUBLISH -> onPublish((MqttPublishMessage) message);
            case PUBACK, PUBCOMP -> flow.acknowledged(packetId(message));
            case PUBREC -> flow.pubrec(packetId(message));
            case PUBREL -> flow.pubrel(packetId(message));
            default -> {
                // PINGRESP and UNSUBACK need nothing
            }
        }
    }

    private void onConnAck(MqttConnAckMessage connAck) {
        MqttConnectReturnCode code = connAck.variableHeader().connectReturnCode();
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            fail("broker refused the connection: " + code);
            return;
        }
        if (subscribeFilter == null) {
            ready.complete(null);
            return;
        }
        int packetId = flow.nextPacketId();
        channel.writeAndFlush(MqttMessageBuilders.subscribe().messageId(packetId)
                .addSubscription(qos, subscribeFilter).build());
    }

    private void onSubAck(MqttSubAckMessage subAck) {
        flow.subAcked(subAck.variableHeader().messageId());
        int granted = subAck.payload().grantedQoSLevels().get(0);
        if (granted > 2) {
            fail("broker refused the subscription to " + subscribeFilter);
        } else {
            ready.complete(null);
        }
    }

    private void onPublish(MqttPublishMessage publish) {
        int packetId = publish.variableHeader().packetId();
        int inboundQos = publish.fixedHeader().qosLevel().value();
        boolean deliver = flow.received(inboundQos, packetId); // exactly once at QoS 2
        ByteBuf payload = publish.payload();
        if (!deliver || !BenchPayload.isBench(payload) || timeline == null) {
            return;
        }
        if (echoTopics != null) {
            int requester = BenchPayload.publisherId(payload);
            if (requester >= 0 && requester < echoTopics.length) {
                echoes.add(new Echo(echoTopics[requester], payload.retainedDuplicate()));
            }
            return;
        }
        if (tracker == null) {
            return;
        }
        repliesReceived++;
        tracker.onMessage(BenchPayload.publisherId(payload), BenchPayload.sequence(payload),
                BenchPayload.sentNanos(payload), BenchPayload.measured(payload), System.nanoTime());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ByteBuf acks = flow.takeAcks();
        boolean acknowledging = acks != null;
        if (acknowledging) {
            ctx.write(acks, ctx.voidPromise());
        }
        if (!pump() && acknowledging) {
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            pump();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closing) {
            fail("the broker closed the connection");
        }
        publishing = false;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        echoes.forEach(echo -> echo.payload().release());
        echoes.clear();
        flow.release();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause.toString());
    }

    private void fail(String why) {
        if (failure == null && !closing) {
            failure = clientId + ": " + why;
        }
        ready.completeExceptionally(new BenchException(clientId + ": " + why));
        if (channel != null) {
            channel.close();
        }
    }

    /**
     * Writes what the limits allow, as one buffer per batch: echoes first, then new messages until the channel is
     * not writable, the in-flight window is full, the rate is ahead of schedule or the batch is done. Each of
     * those conditions has a wake-up: writability change, an acknowledgement or reply (read complete), a
     * scheduled task. Returns whether it flushed.
     */
    private boolean pump() {
        if (channel == null || !channel.isActive() || pumpQueued) {
            return false;
        }
        ByteBuf batch = null;
        int written = 0;
        while (written < PublishBatch.MESSAGES && canWrite()
                && (batch == null || batch.readableBytes() < PublishBatch.BYTES)) {
            Echo echo = echoes.poll();
            if (echo != null) {
                batch = writeHeader(batch, echo.topic(), echo.payload().readableBytes());
                batch.writeBytes(echo.payload());
                echo.payload().release();
            } else if (!publishing || !nextMessageDue()) {
                break;
            } else {
                long now = System.nanoTime();
                boolean measured = now >= timeline.measureStart();
                batch = writeHeader(batch, publishTopic, config.payloadSize());
                BenchPayload.write(batch, config.payloadSize(), publisherId, sequence++, now, measured);
                if (measured) {
                    sentMeasured++;
                }
            }
            written++;
        }
        if (batch != null) {
            channel.writeAndFlush(batch, channel.voidPromise());
        }
        if (written == PublishBatch.MESSAGES && !pumpQueued) {
            // Scheduled, not execute(): the event loop runs queued tasks for up to a second before it turns back
            // to I/O, so a self-requeueing publisher would starve the subscribers sharing its thread.
            pumpQueued = true;
            channel.eventLoop().schedule(this::resume, 1, TimeUnit.MICROSECONDS);
        }
        return batch != null;
    }

    /** False when the schedule, the round-trip window or the rate says wait; arranges the wake-up for the rate. */
    private boolean nextMessageDue() {
        // Unthrottled, a requester keeps at most max-inflight requests unanswered; at a set rate it sends on
        // schedule whatever the replies do, so slow replies show as latency instead of a lower rate.
        if (trackedPublishers > 0 && config.rate() == 0 && sequence - repliesReceived >= config.maxInflight()) {
            return false;
        }
        long now = System.nanoTime();
        if (now >= timeline.measureEnd()) {
            publishing = false;
            return false;
        }
        if (config.rate() > 0) {
            long due = timeline.start() + (long) (sequence * 1e9 / config.rate());
            if (now < due) {
                pumpQueued = true;
                // At least 100 us: a high rate is then sent in small bursts rather than one timer per message.
                channel.eventLoop().schedule(this::resume, Math.max(due - now, 100_000), TimeUnit.NANOSECONDS);
                return false;
            }
        }
        return true;
    }

    private ByteBuf writeHeader(ByteBuf batch, byte[] topic, int payloadSize) {
        int packetId = qos == MqttQoS.AT_MOST_ONCE ? 0 : flow.nextPublishId();
        return publishBatch.appendHeader(batch, channel.alloc(), topic, qos.value(), packetId, payloadSize);
    }

    private void resume() {
        pumpQueued = false;
        pump();
    }

    private boolean canWrite() {
        return channel.isWritable() && (qos == MqttQoS.AT_MOST_ONCE || flow.inflight() < config.maxInflight());
    }

    private static int packetId(MqttMessage message) {
        return ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
    }

    private record Echo(byte[] topic, ByteBuf payload) {
    }
}
