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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End to end with Paho: the QoS flows, delivery QoS, overlapping subscriptions, '$' topics. */
class PublishFlowTest {
    private static BrokerFixture fixture;
    private static MqttClient publisher;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture();
        MqttConnectOptions options = BrokerFixture.options(true);
        options.setMaxInflight(1000);
        publisher = fixture.connect("publisher", options); // Paho needs ~0.3 s per connect: share one
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "publish QoS {0}, subscription QoS {1} -> delivered at {2}")
    @CsvSource({"0,0,0", "1,1,1", "2,2,2", "2,1,1", "1,2,1", "2,0,0", "0,2,0"})
    void deliveryQosIsTheLowerOfPublishAndSubscription(int publishQos, int subscribeQos, int expected)
            throws Exception {
        String topic = "flow/" + publishQos + subscribeQos;
        Inbox inbox = fixture.subscriber("sub-" + publishQos + subscribeQos, topic, subscribeQos);

        publisher.publish(topic, ("q" + publishQos).getBytes(), publishQos, false); // Paho waits for the full flow

        Received r = inbox.next();
        assertThat(r.topic()).isEqualTo(topic);
        assertThat(r.payload()).isEqualTo("q" + publishQos);
        assertThat(r.qos()).isEqualTo(expected);
        assertThat(r.retained()).isFalse();
    }

    @Test
    void overlappingSubscriptionsDeliverOnceAtTheHighestQos_MQTT_3_3_5_1() throws Exception {
        Inbox inbox = fixture.subscriber("overlap-sub", "over/+/c", 0);
        inbox.client.subscribe("over/#", 2);
        inbox.client.subscribe("over/b/c", 1);

        publisher.publish("over/b/c", "once".getBytes(), 2, false);
        publisher.publish("over/marker", "marker".getBytes(), 2, false);

        Received first = inbox.next();
        assertThat(first.payload()).isEqualTo("once");
        assertThat(first.qos()).isEqualTo(2);
        assertThat(inbox.next().payload()).as("no second copy before the marker").isEqualTo("marker");
    }

    @Test
    void wildcardsAtTheFirstLevelDoNotMatchDollarTopics_MQTT_4_7_2_1() throws Exception {
        Inbox all = fixture.subscriber("dollar-all", "#", 1);
        all.client.subscribe("+/status", 1);
        Inbox explicit = fixture.subscriber("dollar-explicit", "$dev/#", 1);

        publisher.publish("$dev/status", "dollar".getBytes(), 1, false); // a client's own '$' topic is accepted
        publisher.publish("dollar/marker", "marker".getBytes(), 1, false);

        assertThat(explicit.next().topic()).isEqualTo("$dev/status");
        Received r = all.next();
        assertThat(r.topic()).as("'#' and '+/status' skip $dev/status").isEqualTo("dollar/marker");
    }

    @Test
    void clientPublishesToSysAreDroppedButAcknowledged() throws Exception {
        Inbox inbox = fixture.subscriber("sys-sub", "$SYS/broker/fake", 1);
        inbox.client.subscribe("sys/marker", 1);

        publisher.publish("$SYS/broker/fake", "nope".getBytes(), 1, false); // returns: PUBACK arrived
        publisher.publish("sys/marker", "marker".getBytes(), 1, false);

        assertThat(inbox.next().topic()).isEqualTo("sys/marker");
    }

    @Test
    void brokerPublishReachesSubscribersIncludingSys() throws Exception {
        Inbox inbox = fixture.subscriber("internal-sub", "$SYS/test/#", 1);

        fixture.broker.publish("$SYS/test/uptime", "42".getBytes(), 1, false);

        Received r = inbox.next();
        assertThat(r.topic()).isEqualTo("$SYS/test/uptime");
        assertThat(r.payload()).isEqualTo("42");
    }

    @Test
    void unsubscribeStopsDelivery() throws Exception {
        Inbox inbox = fixture.subscriber("unsub-sub", "unsub/a", 1);
        inbox.client.subscribe("unsub/marker", 1);
        inbox.client.unsubscribe("unsub/a");

        publisher.publish("unsub/a", "gone".getBytes(), 1, false);
        publisher.publish("unsub/marker", "marker".getBytes(), 1, false);

        assertThat(inbox.next().topic()).isEqualTo("unsub/marker");
        assertThat(inbox.poll(Duration.ZERO)).isNull();
    }

    @Test
    void manyMessagesArriveInOrderAtQos1() throws Exception {
        Inbox inbox = fixture.subscriber("order-sub", "order/t", 1);

        for (int i = 0; i < 200; i++) {
            publisher.publish("order/t", Integer.toString(i).getBytes(), 1, false);
        }

        for (int i = 0; i < 200; i++) {
            assertThat(inbox.next().payload()).isEqualTo(Integer.toString(i));
        }
    }
}
