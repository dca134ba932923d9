package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.BrokerFixture.Inbox;
import dev.skeeter.broker.BrokerFixture.Inbox.Received;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: retained messages and wills. */
class RetainedAndWillTest {
    private static BrokerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new BrokerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void retainedMessageIsSetReplacedAndClearedByAnEmptyPayload_MQTT_3_3_1_10() throws Exception {
        MqttClient publisher = fixture.connect("ret-pub");
        publisher.publish("ret/a", "first".getBytes(), 1, true);
        publisher.publish("ret/a", "second".getBytes(), 1, true);

        Inbox late = fixture.subscriber("ret-late", "ret/+", 1);
        Received r = late.next();
        assertThat(r.payload()).isEqualTo("second");
        assertThat(r.retained()).as("sent with retain 1 on subscribe [MQTT-3.3.1-6]").isTrue();
        assertThat(fixture.broker.stats().retainedMessages()).isGreaterThanOrEqualTo(1);

        publisher.publish("ret/a", new byte[0], 1, true);
        Received cleared = late.next();
        assertThat(cleared.payload()).as("the empty retained publish is forwarded live").isEmpty();
        assertThat(cleared.retained()).isFalse();

        Inbox afterClear = fixture.subscriber("ret-after-clear", "ret/#", 1);
        publisher.publish("ret/marker", "marker".getBytes(), 1, false);
        assertThat(afterClear.next().payload()).as("nothing retained any more").isEqualTo("marker");
    }

    @Test
    void liveForwardOfARetainedPublishCarriesRetainZero_MQTT_3_3_1_9() throws Exception {
        Inbox inbox = fixture.subscriber("live-sub", "live/t", 1);
        MqttClient publisher = fixture.connect("live-pub");

        publisher.publish("live/t", "now".getBytes(), 1, true);

        Received r = inbox.next();
        assertThat(r.payload()).isEqualTo("now");
        assertThat(r.retained()).isFalse();
    }

    @Test
    void retainedDeliveryQosIsDowngradedToTheSubscription() throws Exception {
        fixture.connect("down-pub").publish("down/t", "q2".getBytes(), 2, true);

        Inbox inbox = fixture.subscriber("down-sub", "down/#", 1);

        Received r = inbox.next();
        assertThat(r.qos()).isEqualTo(1);
        assertThat(r.retained()).isTrue();
    }

    @Test
    void willIsPublishedWhenKeepaliveExpires_MQTT_3_1_2_24() throws Exception {
        Inbox inbox = fixture.subscriber("will-watch-1", "will/ka", 1);
        try (RawClient silent = new RawClient(fixture.port)) {
            // flags: will (0x04), will QoS 1 (0x08), clean (0x02); keepalive 1 s, then silence
            silent.send(RawClient.connectWithFlags(0x0E, 1, RawClient.str("silent"), RawClient.str("will/ka"),
                    RawClient.str("gone")));
            assertThat(silent.read().body()[1]).isZero();

            Received will = inbox.next(); // within 5 s; expiry comes after 1.5 s
            assertThat(will.payload()).isEqualTo("gone");
            assertThat(will.qos()).isEqualTo(1);
            assertThat(silent.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void willIsPublishedWhenTheSocketCloses_MQTT_3_1_2_8() throws Exception {
        Inbox inbox = fixture.subscriber("will-watch-2", "will/socket", 0);
        RawClient client = new RawClient(fixture.port);
        client.send(RawClient.connectWithFlags(0x06, 60, RawClient.str("dropper"), RawClient.str("will/socket"),
                RawClient.str("dropped")));
        assertThat(client.read().body()[1]).isZero();

        client.close();

        assertThat(inbox.next().payload()).isEqualTo("dropped");
    }

    @Test
    void willIsPublishedWhenTheBrokerClosesForAProtocolError() throws Exception {
        Inbox inbox = fixture.subscriber("will-watch-5", "will/error", 0);
        try (RawClient client = new RawClient(fixture.port)) {
            client.send(RawClient.connectWithFlags(0x06, 60, RawClient.str("offender"), RawClient.str("will/error"),
                    RawClient.str("broke the rules")));
            assertThat(client.read().body()[1]).isZero();

            client.send(RawClient.subscribe(1, "a/#/b", 0)); // malformed filter

            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(inbox.next().payload()).isEqualTo("broke the rules");
        }
    }

    @Test
    void willIsNotPublishedAfterDisconnect_MQTT_3_14_4_3() throws Exception {
        Inbox inbox = fixture.subscriber("will-watch-3", "will/clean/#", 0);
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setWill("will/clean/x", "should not".getBytes(), 0, false);
        MqttClient polite = fixture.connect("polite", options);

        polite.disconnect();
        fixture.connect("marker-pub").publish("will/clean/marker", "marker".getBytes(), 0, false);

        assertThat(inbox.next().payload()).isEqualTo("marker");
    }

    @Test
    void retainedWillIsStored() throws Exception {
        RawClient client = new RawClient(fixture.port);
        // will flag, will retain (0x20), clean
        client.send(RawClient.connectWithFlags(0x26, 60, RawClient.str("ret-will"), RawClient.str("will/ret"),
                RawClient.str("last words")));
        assertThat(client.read().body()[1]).isZero();
        client.close();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> fixture.broker.clients().stream().noneMatch(c -> c.clientId().equals("ret-will")));
        Inbox inbox = fixture.subscriber("will-watch-4", "will/ret", 0);
        Received r = inbox.next();
        assertThat(r.payload()).isEqualTo("last words");
        assertThat(r.retained()).isTrue();
    }
}
