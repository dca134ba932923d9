package dev.skeeter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.MosquittoBroker;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection service over plain TCP against Debian's mosquitto 2. */
class MqttConnectionMosquittoTest {
    private static MosquittoBroker mosquitto;

    @BeforeAll
    static void startBroker() throws Exception {
        mosquitto = MosquittoBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static Profile profile() {
        return Profile.create("mosquitto", "127.0.0.1", mosquitto.port());
    }

    @Test
    void publishedMessageComesBackWithEveryMatchingFilter() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(profile())) {
            connection.addListener(listener);
            connection.connect().get(10, SECONDS);
            assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);

            List<Integer> granted = connection.subscribe(List.of(new SubscriptionRequest("sensors/#", 1),
                    new SubscriptionRequest("sensors/+/temp", 2), new SubscriptionRequest("other/x", 0)))
                    .get(10, SECONDS);
            assertThat(granted).containsExactly(1, 2, 0);

            connection.publish("sensors/kitchen/temp", "21.5".getBytes(UTF_8), 1, false).get(10, SECONDS);
            ReceivedMessage message = listener.awaitMessage("sensors/kitchen/temp");

            assertThat(message.payload()).asString(UTF_8).isEqualTo("21.5");
            assertThat(message.qos()).isEqualTo(1);
            assertThat(message.retained()).isFalse();
            assertThat(message.matchedFilters()).containsExactly("sensors/#", "sensors/+/temp");
            assertThat(connection.messagesIn()).isEqualTo(1);
            assertThat(connection.messagesOut()).isEqualTo(1);
            assertThat(listener.stateSequence()).containsExactly(ConnectionState.CONNECTING,
                    ConnectionState.CONNECTED);

            connection.disconnect().get(10, SECONDS);
            assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
        }
        listener.assertNeverOnPahoThreads();
    }

    @Test
    void retainedMessageArrivesFlaggedAndNothingAfterUnsubscribe() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection publisher = new MqttConnection(profile());
             MqttConnection subscriber = new MqttConnection(profile())) {
            publisher.connect().get(10, SECONDS);
            publisher.publish("retained/topic", "kept".getBytes(UTF_8), 1, true).get(10, SECONDS);

            subscriber.addListener(listener);
            subscriber.connect().get(10, SECONDS);
            subscriber.subscribe(List.of(new SubscriptionRequest("retained/+", 0))).get(10, SECONDS);
            ReceivedMessage message = listener.awaitMessage("retained/topic");
            assertThat(message.retained()).isTrue();
            assertThat(message.matchedFilters()).containsExactly("retained/+");

            subscriber.unsubscribe(List.of("retained/+")).get(10, SECONDS);
            assertThat(subscriber.activeSubscriptions()).isEmpty();
            subscriber.subscribe(List.of(new SubscriptionRequest("marker", 1))).get(10, SECONDS);
            publisher.publish("retained/topic", new byte[0], 1, true).get(10, SECONDS); // clears the retained one
            publisher.publish("marker", new byte[0], 1, false).get(10, SECONDS);
            listener.awaitMessage("marker"); // same publisher, same QoS: delivered in order
            assertThat(listener.messages).extracting(ReceivedMessage::topic)
                    .containsExactly("retained/topic", "marker");
        }
    }

    @Test
    void generatedClientIdIsUsedWhenProfileHasNone() {
        try (MqttConnection connection = new MqttConnection(profile())) {
            assertThat(connection.clientId()).matches("skeeter-[0-9a-f]{8}");
        }
    }

    @Test
    void lastWillIsPublishedWhenTheConnectionIsTakenOver() throws Exception {
        RecordingListener watcher = new RecordingListener();
        RecordingListener victim = new RecordingListener();
        Profile withWill = profile().toBuilder().clientId("skeeter-will-test")
                .lastWill(new Profile.LastWill("wills/skeeter", 1, false, "gone")).build();
        try (MqttConnection observer = new MqttConnection(profile());
             MqttConnection first = new MqttConnection(withWill);
             MqttConnection second = new MqttConnection(withWill.toBuilder().lastWill(null).build())) {
            observer.addListener(watcher);
            observer.connect().get(10, SECONDS);
            observer.subscribe(List.of(new SubscriptionRequest("wills/#", 1))).get(10, SECONDS);
            first.addListener(victim);
            first.connect().get(10, SECONDS);

            second.connect().get(10, SECONDS); // same client id: the broker drops the first connection

            ReceivedMessage will = watcher.awaitMessage("wills/skeeter");
            assertThat(will.payload()).asString(UTF_8).isEqualTo("gone");
            victim.awaitState(ConnectionState.FAILED);
            assertThat(victim.states.get(victim.states.size() - 1).failure().summary())
                    .startsWith("the broker closed the connection");
        }
    }
}
