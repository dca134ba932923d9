package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Start, stop, many brokers in one JVM, and what a slow subscriber costs. */
class BrokerLifecycleTest {

    @Test
    void fiftyBrokersStartAndStopInOneJvmAndGiveBackThreadsAndPorts() throws Exception {
        Broker warmUp = Broker.create(BrokerConfig.builder().listener(0, null).build());
        warmUp.start().get(10, TimeUnit.SECONDS);
        warmUp.close();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> brokerThreads() == 0);
        int threadsBefore = Thread.activeCount();

        List<Broker> brokers = new ArrayList<>();
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Broker broker = Broker.create(BrokerConfig.builder().listener(0, null).ioThreads(1).build());
            brokers.add(broker);
            addresses.addAll(broker.start().get(10, TimeUnit.SECONDS));
        }
        assertThat(addresses).extracting(InetSocketAddress::getPort).doesNotHaveDuplicates();
        try (RawClient client = new RawClient(addresses.get(49).getPort())) {
            assertThat(client.connect("one-of-fifty")).isZero();
        }
        assertThat(brokers).allMatch(Broker::isRunning);

        CompletableFuture.allOf(brokers.stream().map(Broker::stop).toArray(CompletableFuture[]::new))
                .get(30, TimeUnit.SECONDS);

        assertThat(brokers).noneMatch(Broker::isRunning);
        Awaitility.await("broker threads end").atMost(Duration.ofSeconds(10)).until(() -> brokerThreads() == 0);
        Awaitility.await("thread count back").atMost(Duration.ofSeconds(10))
                .until(() -> Thread.activeCount() <= threadsBefore + 2);
        for (InetSocketAddress address : addresses) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), address.getPort()));
                assertThat(socket.isBound()).isTrue();
            }
        }
    }

    @Test
    void startAndStopAreIdempotent() throws Exception {
        Broker broker = Broker.create(BrokerConfig.builder().listener(0, null).build());
        CompletableFuture<List<InetSocketAddress>> first = broker.start();
        assertThat(broker.start()).isSameAs(first);
        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(1);
        CompletableFuture<Void> stop = broker.stop();
        assertThat(broker.stop()).isSameAs(stop);
        stop.get(10, TimeUnit.SECONDS);
        broker.close();
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void stoppingANeverStartedBrokerCompletesAtOnce() throws Exception {
        Broker broker = Broker.create(BrokerConfig.builder().build());
        broker.stop().get(1, TimeUnit.SECONDS);
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void aPortInUseFailsTheStartFuture() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Broker broker = Broker.create(BrokerConfig.builder().listener(taken.getLocalPort(), null).build());
            assertThatThrownBy(() -> broker.start().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            broker.stop().get(10, TimeUnit.SECONDS);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> brokerThreads() == 0);
    }

    @Test
    void aSubscriberThatStopsReadingCostsBoundedMemoryAndCountsDrops() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().maxQueuedMessages(100));
                RawClient stalled = new RawClient(fixture.port);
                RawClient publisher = new RawClient(fixture.port)) {
            assertThat(stalled.connect("stalled")).isZero();
            stalled.send(RawClient.subscribe(1, "flood", 0));
            stalled.readType(9);
            assertThat(publisher.connect("flooder")).isZero();
            byte[] message = RawClient.publish("flood", 0, 0, "x".repeat(1000));
            byte[] batch = new byte[message.length * 100];
            for (int i = 0; i < 100; i++) {
                System.arraycopy(message, 0, batch, i * message.length, message.length);
            }
            // 20 MB towards a subscriber that never reads: socket buffers fill, then the queue, then drops.
            for (int i = 0; i < 200; i++) {
                publisher.send(batch);
            }
            publisher.send(RawClient.packet(0xC0));
            publisher.readType(13); // every PUBLISH before the PINGREQ has been handled

            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> fixture.broker.stats().publishDropped() > 0);
            BrokerStats stats = fixture.broker.stats();
            assertThat(stats.publishReceived()).isEqualTo(20_000);
            assertThat(stats.publishSent() + stats.publishDropped()).isLessThanOrEqualTo(20_000);
            assertThat(stats.publishDropped()).isGreaterThan(10_000);
        }
    }

    @Test
    void willsFollowThePublishPolicyOfTheClientsOwnPublishes() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().messageSizeLimit(10)
                .sysInterval(java.time.Duration.ZERO));
                RawClient subscriber = new RawClient(fixture.port)) {
            assertThat(subscriber.connect("policy-sub")).isZero();
            subscriber.send(RawClient.subscribe(1, "#", 0));
            subscriber.send(RawClient.subscribe(2, "$SYS/#", 0));
            subscriber.readType(9);
            subscriber.readType(9);
            // A will over message_size_limit and one to $SYS are dropped, as those PUBLISH packets would be.
            closeWithWill(fixture, "too-big", "policy/big", "x".repeat(11));
            closeWithWill(fixture, "sys", "$SYS/fake", "nope");
            closeWithWill(fixture, "fits", "policy/small", "ok");

            RawClient.Packet delivered = subscriber.readType(3);
            assertThat(new String(delivered.body(), 2, "policy/small".length())).isEqualTo("policy/small");
            // Like mosquitto 2.0, publish/messages/dropped counts full queues only, not size-limit drops.
            assertThat(fixture.broker.stats().publishDropped()).as("the oversized will").isZero();
        }
    }

    private static void closeWithWill(BrokerFixture fixture, String clientId, String topic, String payload)
            throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            client.send(RawClient.connectWithFlags(0x06, 60, RawClient.str(clientId), RawClient.str(topic),
                    RawClient.str(payload)));
            assertThat(client.read().body()[1]).isZero();
        }
    }

    @Test
    void aPublishOverMessageSizeLimitIsAcknowledgedAndDroppedAndTheConnectionStays() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerConfig.builder().messageSizeLimit(10)
                .sysInterval(java.time.Duration.ZERO));
                RawClient subscriber = new RawClient(fixture.port);
                RawClient publisher = new RawClient(fixture.port)) {
            assertThat(subscriber.connect("limit-sub")).isZero();
            subscriber.send(RawClient.subscribe(1, "limit/#", 1));
            subscriber.readType(9);
            assertThat(publisher.connect("limit-pub")).isZero();

            publisher.send(RawClient.publish("limit/big", 1, 5, "x".repeat(11)));
            assertThat(publisher.readType(4).packetId()).as("PUBACK although dropped").isEqualTo(5);
            publisher.send(RawClient.publish("limit/small", 1, 6, "x".repeat(10)));
            assertThat(publisher.readType(4).packetId()).isEqualTo(6);

            RawClient.Packet delivered = subscriber.readType(3);
            assertThat(new String(delivered.body(), 2, "limit/small".length())).isEqualTo("limit/small");
            // Like mosquitto 2.0, publish/messages/dropped counts full queues only, not size-limit drops.
            assertThat(fixture.broker.stats().publishDropped()).isZero();
        }
    }

    private static long brokerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("skeeter-broker-") && t.isAlive()).count();
    }
}
