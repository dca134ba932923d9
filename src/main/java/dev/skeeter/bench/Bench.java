package dev.skeeter.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * Runs one benchmark: connects every client on one small event-loop group, publishes for warm-up plus duration,
 * waits for in-flight messages up to the drain timeout, and accounts what arrived. Topics live under
 * {@code bench/<run id>/} so that runs sharing a broker do not see each other's traffic.
 *
 * <p>{@link #run} blocks the calling thread for the length of the run; it always returns by itself.
 */
public final class Bench {
    private static final long CONNECT_TIMEOUT_SECONDS = 15;

    private final BenchConfig config;
    private final String prefix = "bench/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    private Bench(BenchConfig config) {
        this.config = config;
    }

    public static BenchResult run(BenchConfig config) throws InterruptedException {
        return new Bench(Objects.requireNonNull(config, "config")).run();
    }

    private BenchResult run() throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.threads(), NioIoHandler.newFactory());
        List<BenchClient> clients = createClients();
        try {
            connect(group, clients);
            Timeline timeline = Timeline.startingNow(TimeUnit.MILLISECONDS.toNanos(config.warmup().toMillis()),
                    TimeUnit.MILLISECONDS.toNanos(config.duration().toMillis()));
            // Receivers first, so that no message arrives at a client that does not know the schedule yet.
            await(clients.stream().filter(c -> !c.publishes()).map(c -> c.begin(timeline)).toList(), "start");
            await(clients.stream().filter(BenchClient::publishes).map(c -> c.begin(timeline)).toList(), "start");
            sleepUntil(timeline.measureStart());
            OptionalLong brokerBefore = brokerCpuTime();
            OptionalLong benchBefore = CpuTime.nanos(0);
            sleepUntil(timeline.measureEnd());
            long window = timeline.measureEnd() - timeline.measureStart();
            double brokerCpu = CpuTime.percent(brokerBefore, brokerCpuTime(), window);
            double benchCpu = CpuTime.percent(benchBefore, CpuTime.nanos(0), window);
            drain(clients, timeline.measureEnd() + config.drainTimeout().toNanos());
            await(clients.stream().map(BenchClient::disconnect).toList(), "disconnect");
            return account(clients, timeline, brokerCpu, benchCpu);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private List<BenchClient> createClients() {
        String id = "skeeter-bench-" + prefix.substring(6) + "-";
        int publishers = config.publishers();
        List<BenchClient> clients = new ArrayList<>();
        switch (config.scenario()) {
            case FAN_IN -> {
                for (int i = 0; i < config.subscribers(); i++) {
                    clients.add(BenchClient.subscriber(config, id + "s" + i, prefix + "/+", publishers));
                }
                for (int i = 0; i < publishers; i++) {
                    clients.add(BenchClient.publisher(config, id + "p" + i, i, prefix + "/" + i));
                }
            }
            case FAN_OUT -> {
                String topic = prefix + "/all";
                for (int i = 0; i < config.subscribers(); i++) {
                    clients.add(BenchClient.subscriber(config, id + "s" + i, topic, publishers));
                }
                for (int i = 0; i < publishers; i++) {
                    clients.add(BenchClient.publisher(config, id + "p" + i, i, topic));
                }
            }
            case ROUND_TRIP -> {
                String[] replyTopics = new String[publishers];
                for (int i = 0; i < publishers; i++) {
                    replyTopics[i] = prefix + "/reply/" + i;
                }
                clients.add(BenchClient.responder(config, id + "responder", prefix + "/request/+", replyTopics));
                for (int i = 0; i < publishers; i++) {
                    clients.add(BenchClient.requester(config, id + "r" + i, i, prefix + "/request/" + i,
                            replyTopics[i], publishers));
                }
            }
        }
        return clients;
    }

    private void connect(EventLoopGroup group, List<BenchClient> clients) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
        int maxPacket = Math.max(64 * 1024, config.payloadSize() + 64 * 1024);
        List<EventLoop> loops = new ArrayList<>();
        group.forEach(executor -> loops.add((EventLoop) executor));
        // Receivers get threads of their own when there are two or more: a busy publisher then never delays the
        // side that is measured. With one thread everything shares it.
        int receiverLoops = loops.size() == 1 ? 1 : Math.max(1, loops.size() / 2);
        int receivers = 0;
        int senders = 0;
        for (BenchClient client : clients) {
            EventLoop loop = client.publishes() && loops.size() > 1
                    ? loops.get(receiverLoops + senders++ % (loops.size() - receiverLoops))
                    : loops.get(receivers++ % receiverLoops);
            ChannelFuture connected = bootstrap.clone(loop).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    if (config.tls() != null) {
                        ch.pipeline().addLast(config.tls().newHandler(ch.alloc(), config.host(), config.port()));
                    }
                    ch.pipeline().addLast(new MqttDecoder(maxPacket), MqttEncoder.INSTANCE, client);
                }
            }).connect(config.host(), config.port());
            connected.addListener(f -> {
                if (!f.isSuccess()) {
                    client.ready().completeExceptionally(new BenchException("cannot connect to " + config.host()
                            + ":" + config.port() + ": " + f.cause().getMessage(), f.cause()));
                }
            });
        }
        await(clients.stream().map(BenchClient::ready).toList(), "connect and subscribe");
    }

    private void drain(List<BenchClient> clients, long deadline) throws InterruptedException {
        DrainWatch watch = new DrainWatch(deadline, config.qos());
        long expected = clients.stream().mapToLong(BenchClient::sent).sum() * config.deliveriesPerMessage();
        while (watch.waitMore(System.nanoTime(), expected, clients.stream().mapToLong(BenchClient::received).sum(),
                clients.stream().mapToLong(BenchClient::arrivals).sum())) {
            Thread.sleep(10);
        }
    }

    private BenchResult account(List<BenchClient> clients, Timeline timeline, double brokerCpu, double benchCpu)
            throws InterruptedException {
        long sent = clients.stream().mapToLong(BenchClient::sent).sum();
        long received = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long inWindow = 0;
        Histogram latency = new Histogram(3);
        for (BenchClient client : clients) {
            ReceiveTracker.Snapshot snapshot = get(client.snapshot(), "collect results");
            if (snapshot != null) {
                received += snapshot.received();
                duplicates += snapshot.duplicates();
                outOfOrder += snapshot.outOfOrder();
                inWindow += snapshot.arrivalsInWindow();
                latency.add(snapshot.latencyNanos());
            }
        }
        Set<String> errors = new LinkedHashSet<>();
        clients.stream().map(BenchClient::failure).filter(Objects::nonNull).limit(5).forEach(errors::add);
        long expected = sent * config.deliveriesPerMessage();
        if (expected > 0 && received == 0) {
            errors.add("no measured message arrived: all " + expected + " expected deliveries were lost (dropped by"
                    + " the broker, or still queued when the bench stopped waiting)");
        }
        double seconds = timeline.measuredSeconds();
        boolean any = latency.getTotalCount() > 0;
        return new BenchResult(config.scenario(), config.qos(), config.publishers(),
                config.scenario() == Scenario.ROUND_TRIP ? 1 : config.subscribers(), config.payloadSize(), seconds,
                sent, expected, received, outOfOrder, duplicates, inWindow / seconds,
                sent / seconds, any ? micros(latency.getValueAtPercentile(50)) : 0,
                any ? micros(latency.getValueAtPercentile(99)) : 0,
                any ? micros(latency.getValueAtPercentile(99.9)) : 0,
                any ? micros(latency.getMaxValue()) : 0, brokerCpu, benchCpu, List.copyOf(errors));
    }

    private OptionalLong brokerCpuTime() {
        return config.brokerPid() > 0 ? CpuTime.nanos(config.brokerPid()) : OptionalLong.empty();
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    private static void await(List<CompletableFuture<Void>> futures, String what) throws InterruptedException {
        get(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), what);
    }

    private static <T> T get(CompletableFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof BenchException bench ? bench : new BenchException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new BenchException(what + " took longer than " + CONNECT_TIMEOUT_SECONDS + " s");
        }
    }
}
