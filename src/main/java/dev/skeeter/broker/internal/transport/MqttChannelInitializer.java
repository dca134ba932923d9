package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.broker.internal.protocol.MqttConnectionHandler;
import dev.skeeter.broker.internal.protocol.PacketLogHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pipeline of one TCP connection: frame guard (flags, size, byte counts), Netty's decoder with the size limit,
 * strict UTF-8 and long 3.1 client ids, the shared stateless encoder, the optional packet log, the connection.
 * A keepalive idle handler is added in front once CONNECT says how long.
 */
public final class MqttChannelInitializer extends ChannelInitializer<Channel> {
    /** MQTT 3.1 capped client ids at 23 characters; real 3.1 clients send longer ones, as mosquitto accepts. */
    private static final int MAX_CLIENT_ID_LENGTH = 65_535;
    private static final int MAX_FRAME = 16 * 1024 * 1024;

    private final BrokerCore core;
    private final Set<Channel> openChannels;
    private final ListenerConfig listener;
    /** Connections open on this listener, for max_connections; counted on several event loops. */
    private final AtomicInteger connections = new AtomicInteger();

    private final SslContext tls;

    /** {@code tls} is the listener's context (made by {@link ServerTls}), or null for a plain listener. */
    public MqttChannelInitializer(BrokerCore core, Set<Channel> openChannels, ListenerConfig listener,
                                  SslContext tls) {
        this.core = core;
        this.openChannels = openChannels;
        this.listener = listener;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel channel) {
        openChannels.add(channel);
        core.metrics().socketOpened();
        channel.closeFuture().addListener(f -> openChannels.remove(channel));
        int open = connections.incrementAndGet();
        channel.closeFuture().addListener(f -> connections.decrementAndGet());
        if (listener.maxConnections() >= 0 && open > listener.maxConnections()) {
            core.events().warn(null, "Refused a connection from " + channel.remoteAddress() + ": listener "
                    + listener.port() + " already has max_connections " + listener.maxConnections() + " clients");
            channel.close();
            return;
        }
        int maxPacketSize = core.config().maxPacketSize();
        ChannelPipeline p = channel.pipeline();
        if (tls != null) {
            p.addLast("tls", tls.newHandler(channel.alloc()));
            p.addLast("tlsLog", new TlsHandshakeLog(core.events(), listener.scheme() + " listener " + listener.port()));
        }
        if (listener.protocol() == ListenerConfig.Protocol.WEBSOCKETS) {
            addWebSocket(p, maxPacketSize);
        }
        p.addLast("guard", new FrameGuard(core.metrics(), maxPacketSize));
        // Strict UTF-8: Netty would otherwise replace malformed bytes with U+FFFD [MQTT-1.5.3-1].
        p.addLast("decoder", new MqttDecoder(maxPacketSize, MAX_CLIENT_ID_LENGTH, true));
        p.addLast("encoder", MqttEncoder.INSTANCE);
        if (core.config().logPackets()) {
            p.addLast("packetLog", new PacketLogHandler(core.events()));
        }
        p.addLast("connection", new MqttConnectionHandler(core, listener));
    }

    /**
     * HTTP upgrade on any path with subprotocol mqtt (3.1.1) or mqttv3.1; frames up to the packet size limit (at
     * least 64 KB, Netty's default, and at most 16 MB per frame: packets larger than that arrive in several).
     */
    private static void addWebSocket(ChannelPipeline p, int maxPacketSize) {
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .subprotocols("mqtt,mqttv3.1,mqttv3.1.1")
                .maxFramePayloadLength(Math.max(65_536, Math.min(maxPacketSize, MAX_FRAME)))
                .allowExtensions(false)
                .build();
        p.addLast("http", new HttpServerCodec());
        p.addLast("httpAggregator", new HttpObjectAggregator(65_536));
        p.addLast("websocket", new WebSocketServerProtocolHandler(config));
        p.addLast("websocketFrames", new WebSocketFrames());
    }
}
