package dev.skeeter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.mqtt.Topics;
import dev.skeeter.profiles.Profile;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection service against our own embedded broker. */
class MqttConnectionEmbeddedBrokerTest {
    private static Broker broker;
    private static int port;
    private static int webSocketPort;

    @BeforeAll
    static void start() throws Exception {
        broker = Broker.create(BrokerConfig.builder().listener(0, null)
                .listener(dev.skeeter.broker.ListenerConfig.websockets(0, null)).build());
        List<InetSocketAddress> bound = broker.start().get(10, SECONDS);
        port = bound.get(0).getPort();
        webSocketPort = bound.get(1).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (broker != null) {
            broker.stop().get(10, SECONDS);
        }
    }

    @Test
    void tcpRoundTripWithOverlappingFilters() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(Profile.localBroker(port))) {
            connection.addListener(listener);
            connection.connect().get(10, SECONDS);
            connection.subscribe(List.of(new SubscriptionRequest("home/+/light", 1),
                    new SubscriptionRequest("home/#", 0))).get(10, SECONDS);
            connection.publish("home/hall/light", "on".getBytes(UTF_8), 1, false).get(10, SECONDS);

            ReceivedMessage message = listener.awaitMessage("home/hall/light");
            assertThat(message.payload()).asString(UTF_8).isEqualTo("on");
            assertThat(message.matchedFilters()).containsExactly("home/+/light", "home/#");
            assertThat(broker.clients()).extracting(c -> c.clientId()).contains(connection.clientId());
        }
        listener.assertNeverOnPahoThreads();
    }

    @Test
    void eachMessageIsMatchedOnceAndEveryListenerGetsTheMatchedFilters() throws Exception {
        AtomicInteger matcherCalls = new AtomicInteger();
        ActiveSubscriptions counting = new ActiveSubscriptions((filter, topic) -> {
            matcherCalls.incrementAndGet();
            return Topics.matches(filter, topic);
        });
        // three listeners, as in the app: the workspace's topics, the Subscribe pane, the topic tree
        List<RecordingListener> listeners = List.of(new RecordingListener(), new RecordingListener(),
                new RecordingListener());
        try (MqttConnection connection = new MqttConnection(Profile.localBroker(port), counting)) {
            listeners.forEach(connection::addListener);
            connection.connect().get(10, SECONDS);
            connection.subscribe(List.of(new SubscriptionRequest("once/+/b", 1),
                    new SubscriptionRequest("once/#", 1))).get(10, SECONDS);
            int messages = 50;
            for (int i = 0; i < messages; i++) {
                connection.publish(i % 2 == 0 ? "once/a/b" : "once/c", new byte[] {(byte) i}, 1, false)
                        .get(10, SECONDS);
            }
            for (RecordingListener listener : listeners) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.size() == messages);
                assertThat(listener.messages).allSatisfy(m -> assertThat(m.matchedFilters())
                        .isEqualTo(m.topic().equals("once/a/b") ? List.of("once/+/b", "once/#") : List.of("once/#")));
                listener.assertNeverOnPahoThreads();
            }
            // one pass over the two filters per message, whatever the number of listeners
            assertThat(matcherCalls).hasValue(2 * messages);
        }
    }

    @Test
    void listenersRunOnTheConnectionsOwnThreadInOrder() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(Profile.localBroker(port))) {
            connection.addListener(listener);
            connection.connect().get(10, SECONDS);
            connection.subscribe(List.of(new SubscriptionRequest("order/#", 1))).get(10, SECONDS);
            CompletableFuture<?>[] published = new CompletableFuture<?>[200];
            for (int i = 0; i < 200; i++) {
                published[i] = connection.publish("order/" + i, new byte[] {(byte) i}, 1, false);
            }
            CompletableFuture.allOf(published).get(10, SECONDS);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.size() == 200);
            assertThat(listener.messages).extracting(ReceivedMessage::topic).startsWith("order/0", "order/1");
            assertThat(listener.threads).isNotEmpty().allMatch(name -> name.startsWith("skeeter-mqtt-"));
            assertThat(listener.threads.stream().distinct()).hasSize(1);
        }
    }

    @Test
    void webSocketRoundTrip() throws Exception {
        RecordingListener listener = new RecordingListener();
        Profile profile = Profile.localBroker(webSocketPort).toBuilder().transport(Profile.Transport.WEBSOCKET).build();
        assertThat(profile.serverUri()).isEqualTo("ws://127.0.0.1:" + webSocketPort + "/mqtt");
        try (MqttConnection connection = new MqttConnection(profile)) {
            connection.addListener(listener);
            connection.connect().get(10, SECONDS);
            connection.subscribe(List.of(new SubscriptionRequest("ws/+", 1))).get(10, SECONDS);
            connection.publish("ws/hello", "over websockets".getBytes(UTF_8), 1, false).get(10, SECONDS);

            assertThat(listener.awaitMessage("ws/hello").payload()).asString(UTF_8).isEqualTo("over websockets");
        }
    }
}
