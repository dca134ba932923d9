package dev.skeeter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.MosquittoBroker;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Persistent sessions, automatic reconnect with resubscription, several connections at once. */
class MqttConnectionSessionTest {
    @Test
    void persistentSessionReceivesWhatWasQueuedWhileOffline() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            Profile persistent = Profile.create("persistent", "127.0.0.1", mosquitto.port()).toBuilder()
                    .clientId("skeeter-persistent").cleanSession(false).build();
            RecordingListener listener = new RecordingListener();
            try (MqttConnection subscriber = new MqttConnection(persistent);
                 MqttConnection publisher = new MqttConnection(
                         Profile.create("pub", "127.0.0.1", mosquitto.port()))) {
                subscriber.addListener(listener);
                subscriber.connect().get(10, SECONDS);
                subscriber.subscribe(List.of(new SubscriptionRequest("queue/#", 1))).get(10, SECONDS);
                subscriber.disconnect().get(10, SECONDS);

                publisher.connect().get(10, SECONDS);
                publisher.publish("queue/offline", "while you were away".getBytes(UTF_8), 1, false)
                        .get(10, SECONDS);

                subscriber.connect().get(10, SECONDS);
                ReceivedMessage queued = listener.awaitMessage("queue/offline");
                assertThat(queued.payload()).asString(UTF_8).isEqualTo("while you were away");
                assertThat(queued.qos()).isEqualTo(1);
                assertThat(queued.matchedFilters()).containsExactly("queue/#");
                assertThat(listener.events).anyMatch(e -> e.text().contains("session present"));
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the brokers only need to run while their blocks do
    void automaticReconnectResubscribesAfterTheBrokerRestarts() throws Exception {
        int port = MosquittoBroker.freePort();
        String sameListener = "listener " + port + " 127.0.0.1";
        Profile profile = Profile.create("reconnecting", "127.0.0.1", port).toBuilder().autoReconnect(true)
                .connectTimeoutSeconds(2).build();
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(profile)) {
            connection.addListener(listener);
            try (MosquittoBroker first = MosquittoBroker.start(sameListener)) {
                connection.connect().get(10, SECONDS);
                connection.subscribe(List.of(new SubscriptionRequest("after/restart", 1))).get(10, SECONDS);
            }
            listener.awaitState(ConnectionState.RECONNECTING);
            RecordingListener.StateChange lost = listener.states.stream()
                    .filter(s -> s.current() == ConnectionState.RECONNECTING).findFirst().orElseThrow();
            assertThat(lost.failure()).isNotNull();
            assertThat(connection.state()).isIn(ConnectionState.RECONNECTING);

            try (MosquittoBroker second = MosquittoBroker.start(sameListener);
                 MqttConnection publisher = new MqttConnection(profile.toBuilder().autoReconnect(false)
                         .id("publisher").build())) {
                Awaitility.await("reconnected").atMost(Duration.ofSeconds(15))
                        .until(() -> connection.state() == ConnectionState.CONNECTED);
                Awaitility.await("resubscribed").atMost(Duration.ofSeconds(10))
                        .until(() -> listener.events.stream()
                                .filter(e -> e.text().startsWith("subscribed to after/restart")).count() == 2);
                publisher.connect().get(10, SECONDS);
                publisher.publish("after/restart", "back".getBytes(UTF_8), 1, false).get(10, SECONDS);
                assertThat(listener.awaitMessage("after/restart").matchedFilters()).containsExactly("after/restart");
            }
        }
        List<ConnectionState> sequence = listener.stateSequence();
        assertThat(sequence).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.RECONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTED);
        listener.assertNeverOnPahoThreads();
    }

    @Test
    @SuppressWarnings("try")
    void disconnectWhileReconnectingStopsTrying() throws Exception {
        int port = MosquittoBroker.freePort();
        Profile profile = Profile.create("giving-up", "127.0.0.1", port).toBuilder().autoReconnect(true).build();
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(profile)) {
            connection.addListener(listener);
            try (MosquittoBroker broker = MosquittoBroker.start("listener " + port + " 127.0.0.1")) {
                connection.connect().get(10, SECONDS);
            }
            listener.awaitState(ConnectionState.RECONNECTING);
            connection.disconnect().get(10, SECONDS);
            assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);

            try (MosquittoBroker again = MosquittoBroker.start("listener " + port + " 127.0.0.1")) {
                // retries would come every 0.5 s, then 1 s: none may even reach the broker in the next two
                // seconds (a stray attempt is dropped again without a state change, so mosquitto's log tells; its
                // readiness probe shows there only as "New connection", without a CONNECT)
                Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                        .until(() -> connection.state() == ConnectionState.DISCONNECTED
                                && !again.log().contains("New client connected"));
            }
        }
    }

    @Test
    void severalConnectionsRunSideBySide() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            Profile profile = Profile.create("many", "127.0.0.1", mosquitto.port());
            List<MqttConnection> connections = List.of(new MqttConnection(profile),
                    new MqttConnection(profile), new MqttConnection(profile));
            List<RecordingListener> listeners = connections.stream().map(c -> {
                RecordingListener l = new RecordingListener();
                c.addListener(l);
                return l;
            }).toList();
            try {
                for (MqttConnection c : connections) {
                    c.connect().get(10, SECONDS);
                    c.subscribe(List.of(new SubscriptionRequest("fan/out", 0))).get(10, SECONDS);
                }
                assertThat(connections).extracting(MqttConnection::clientId).doesNotHaveDuplicates();
                connections.get(0).publish("fan/out", "x".getBytes(UTF_8), 0, false).get(10, SECONDS);
                listeners.forEach(l -> l.awaitMessage("fan/out"));
            } finally {
                connections.forEach(MqttConnection::close);
            }
        }
    }
}
