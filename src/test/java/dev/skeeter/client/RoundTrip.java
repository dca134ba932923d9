package dev.skeeter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.profiles.Profile;
import java.util.List;

/** The smallest proof that a profile works end to end: connect, subscribe, publish, receive one's own message. */
final class RoundTrip {
    private RoundTrip() {
    }

    static void assertRoundTrip(Profile profile, String topic, String text) throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(profile)) {
            connection.addListener(listener);
            connection.connect().get(10, SECONDS);
            connection.subscribe(List.of(new SubscriptionRequest(topic, 1))).get(10, SECONDS);
            connection.publish(topic, text.getBytes(UTF_8), 1, false).get(10, SECONDS);
            assertThat(listener.awaitMessage(topic).payload()).asString(UTF_8).isEqualTo(text);
        }
    }
}
