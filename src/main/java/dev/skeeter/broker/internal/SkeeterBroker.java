package dev.skeeter.broker.internal;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.BrokerListener;
import dev.skeeter.broker.BrokerStats;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.broker.security.SecurityFileException;
import dev.skeeter.broker.internal.transport.BindTargets;
import dev.skeeter.broker.internal.transport.MqttChannelInitializer;
import dev.skeeter.broker.internal.transport.ServerTls;
import dev.skeeter.mqtt.Topics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import dev.skeeter.Version;
import dev.skeeter.broker.internal.sys.SysTree;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Broker} implementation: owns one Netty event-loop group (accepting and serving), binds the
 * listeners, and shuts everything down in {@link #stop()}. Thread-safe; lifecycle transitions are serialised on
 * this object's monitor and never block.
 */
public final class SkeeterBroker implements Broker {
    /** mosquitto publishes {@code $SYS} at QoS 2; a subscriber gets it at the QoS it asked for. */
    private static final int SYS_QOS = 2;
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    /** Above the high mark a subscriber's messages queue (then drop, counted) instead of piling up in Netty. */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    private final BrokerConfig config;
    private final BrokerCore core;
    private final Set<Channel> openChannels = ConcurrentHashMap.newKeySet();
    private final List<Channel> serverChannels = new ArrayList<>();
    private EventLoopGroup group;
    private CompletableFuture<List<InetSocketAddress>> started;
    private CompletableFuture<Void> stopped;

    public SkeeterBroker(BrokerConfig config) {
        this.config = config;
        this.core = new BrokerCore(config);
    }

    @Override
    public synchronized CompletableFuture<List<InetSocketAddress>> start() {
        if (started != null) {
            return started;
        }
        started = new CompletableFuture<>();
        if (stopped != null) {
            started.completeExceptionally(new IllegalStateException("a stopped broker cannot be restarted"));
            return started;
        }
        // One event loop per two usable cores (the JVM honours taskset/cgroup limits), at least one: every delivery
        // between loops costs a wake-up and a thread switch, and the clients (or the app embedding the broker) need
        // the other cores. On 2 cores one loop gave a round-trip p99 of 1.1x mosquitto's instead of 2.7x, and more
        // fan-in throughput; pinned to one core, two loops had made it 6x.
        int threads = config.ioThreads() > 0 ? config.ioThreads()
                : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() / 2, 8));
        group = new MultiThreadIoEventLoopGroup(threads,
                new DefaultThreadFactory("skeeter-broker-" + INSTANCES.incrementAndGet(), true),
                NioIoHandler.newFactory());
        List<ChannelFuture> binds = new ArrayList<>();
        try {
            loadSecurity();
            for (ListenerConfig listener : config.listeners()) {
                ServerBootstrap bootstrap = bootstrap(listener);
                for (InetSocketAddress address : BindTargets.of(listener)) {
                    ChannelFuture bind = bootstrap.clone().channelFactory(() -> serverChannel(address)).bind(address);
                    binds.add(bind.addListener(f -> {
                        if (!f.isSuccess()) {
                            bindFailed(listener, address, f.cause());
                        }
                    }));
                }
            }
        } catch (RuntimeException | java.io.IOException | java.security.GeneralSecurityException e) {
            started.completeExceptionally(e);
            binds.forEach(b -> b.channel().close());
            stop();
            return started;
        }
        AtomicInteger outstanding = new AtomicInteger(binds.size());
        for (ChannelFuture bind : binds) {
            bind.addListener(f -> {
                if (f.isSuccess() && outstanding.decrementAndGet() == 0) {
                    completeStart(binds);
                }
            });
        }
        return started;
    }

    private ServerBootstrap bootstrap(ListenerConfig listener)
            throws java.io.IOException, java.security.GeneralSecurityException {
        return new ServerBootstrap()
                .group(group)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, config.tcpNoDelay())
                // One socket read per channel per loop turn (Netty's default is 16): a flooding publisher then
                // cannot starve deliveries queued on the same loop; fan-in to one subscriber tripled with it.
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(1))
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new MqttChannelInitializer(core, openChannels, listener,
                        listener.tls() == null ? null : ServerTls.context(listener.tls())));
    }

    /** {@code 0.0.0.0} must stay IPv4 only, as in mosquitto: Java's default socket is dual-stack and would take both. */
    private static NioServerSocketChannel serverChannel(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address
                ? new NioServerSocketChannel(SelectorProvider.provider(), SocketProtocolFamily.INET)
                : new NioServerSocketChannel();
    }

    /** Password and ACL files are read before anything listens: a broker with a bad file does not start. */
    private void loadSecurity() {
        try {
            core.guards().load();
        } catch (SecurityFileException e) {
            throw new IllegalArgumentException("the security files have errors, so the broker does not start:\n  "
                    + String.join("\n  ", e.problems()), e);
        }
        core.guards().describe().forEach(line -> core.events().info(null, "Security: " + line));
    }

    private void bindFailed(ListenerConfig listener, InetSocketAddress address, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.net.BindException && reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
            reason = "the port is in use (another broker, or another program, listens there)";
        } else if (reason.toLowerCase(java.util.Locale.ROOT).contains("assign requested address")) {
            reason = "no interface of this machine has that address";
        }
        String where = listener.port() == 0 ? Broker.describe(address) + " (any free port)" : Broker.describe(address);
        var failure = new java.net.BindException("cannot listen on " + where + " (" + listener.scheme() + " listener): "
                + reason);
        failure.initCause(cause);
        started.completeExceptionally(failure);
        stop();
    }

    private synchronized void completeStart(List<ChannelFuture> binds) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (ChannelFuture bind : binds) {
            serverChannels.add(bind.channel());
            addresses.add((InetSocketAddress) bind.channel().localAddress());
        }
        if (stopped != null) {
            binds.forEach(b -> b.channel().close());
            started.completeExceptionally(new IllegalStateException("broker stopped while starting"));
            return;
        }
        core.events().info(null, "Skeeter broker listening on "
                + addresses.stream().map(Broker::describe).collect(java.util.stream.Collectors.joining(", ")));
        startSysTree();
        started.complete(List.copyOf(addresses));
    }

    /** mosquitto publishes the tree at start and then every {@code sys_interval}; 0 turns it off. */
    private void startSysTree() {
        long interval = config.sysInterval().toSeconds();
        if (interval == 0) {
            return;
        }
        SysTree tree = new SysTree(this::stats, (topic, payload) -> core.router().publish(
                new Message(topic, payload, SYS_QOS, true)), System::nanoTime);
        EventLoop loop = group.next();
        loop.execute(() -> tree.publishStatic(Version.get(), Version.timestamp()));
        loop.scheduleAtFixedRate(() -> {
            try {
                tree.update();
            } catch (RuntimeException e) {
                // An exception would cancel the schedule: $SYS would silently stop updating.
                core.events().warn(null, "$SYS update failed: " + e);
            }
        }, 0, interval, TimeUnit.SECONDS);
    }

    @Override
    public synchronized CompletableFuture<Void> stop() {
        if (stopped != null) {
            return stopped;
        }
        stopped = new CompletableFuture<>();
        if (group == null) {
            core.guards().close();
            stopped.complete(null);
            return stopped;
        }
        serverChannels.forEach(Channel::close);
        openChannels.forEach(Channel::close);
        // Quiet period 0: nothing arrives once the channels are closed, so stop at once.
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).addListener(f -> {
            core.guards().close();
            core.sessions().clear();
            core.events().info(null, "Skeeter broker stopped");
            stopped.complete(null);
        });
        return stopped;
    }

    @Override
    public synchronized boolean isRunning() {
        return started != null && started.isDone() && !started.isCompletedExceptionally() && stopped == null;
    }

    @Override
    public BrokerStats stats() {
        int retained = core.router().retainedCount();
        return core.metrics().snapshot(core.sessions().size(), retained, core.router().subscriptionCount(),
                retained + core.sessions().heldMessages(), core.router().retainedBytes() + core.sessions().heldBytes());
    }

    @Override
    public List<ClientInfo> clients() {
        return core.clients();
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) {
        Topics.validateTopicName(topic);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2: " + qos);
        }
        core.router().publish(new Message(topic, payload.clone(), qos, retain));
    }

    @Override
    public List<String> reloadSecurity(BrokerConfig fresh) {
        List<String> problems = core.guards().reload(fresh);
        if (problems.isEmpty()) {
            core.guards().describe().forEach(line -> core.events().info(null, "Security reloaded: " + line));
        } else {
            core.events().warn(null, "Security files not reloaded; the rules in force stay: "
                    + String.join("; ", problems));
        }
        return problems;
    }

    @Override
    public void addListener(BrokerListener listener) {
        core.events().add(listener);
    }

    @Override
    public void removeListener(BrokerListener listener) {
        core.events().remove(listener);
    }
}
