package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.BrokerFixture.Inbox;
import dev.skeeter.broker.BrokerFixture.Inbox.Received;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: persistent sessions, takeover, client ids, protocol levels, keepalive 0. */
class SessionLifecycleTest {
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
    void persistentSessionKeepsSubscriptionsAndQueuesQos1And2WhileOffline_MQTT_3_1_2_4() throws Exception {
        MqttClient durable = fixture.client("durable");
        MqttConnectOptions persistent = BrokerFixture.options(false);
        durable.connect(persistent);
        durable.subscribe("durable/#", 2);
        durable.disconnect();

        MqttClient publisher = fixture.connect("durable-pub");
        publisher.publish("durable/q1", "one".getBytes(), 1, false);
        publisher.publish("durable/q2", "two".getBytes(), 2, false);
        publisher.publish("durable/q0", "zero".getBytes(), 0, false); // not queued for offline clients

        Inbox inbox = new Inbox(durable);
        durable.setCallback(inbox);
        var token = durable.connectWithResult(persistent);
        assertThat(token.getSessionPresent()).as("session present [MQTT-3.2.2-2]").isTrue();

        assertThat(inbox.next().payload()).isEqualTo("one");
        Received two = inbox.next();
        assertThat(two.payload()).isEqualTo("two");
        assertThat(two.qos()).isEqualTo(2);
        publisher.publish("durable/marker", "marker".getBytes(), 1, false);
        assertThat(inbox.next().payload()).as("the subscription survived; QoS 0 was not queued")
                .isEqualTo("marker");
    }

    @Test
    void cleanSessionDiscardsTheStoredSession_MQTT_3_1_2_6() throws Exception {
        MqttClient client = fixture.client("forgetful");
        client.connect(BrokerFixture.options(false));
        client.subscribe("forget/#", 1);
        client.disconnect();

        var token = client.connectWithResult(BrokerFixture.options(true));
        assertThat(token.getSessionPresent()).as("[MQTT-3.2.2-1]").isFalse();
        client.disconnect();
        var again = client.connectWithResult(BrokerFixture.options(false));
        assertThat(again.getSessionPresent()).isFalse();
    }

    @Test
    void unacknowledgedInflightMessagesAreResentWithDupOnReconnect_MQTT_4_4_0_1() throws Exception {
        try (RawClient first = new RawClient(fixture.port)) {
            first.send(RawClient.connect("resend", false, 60));
            first.read();
            first.send(RawClient.subscribe(1, "resend/t", 1));
            first.readType(9);
            fixture.broker.publish("resend/t", "again".getBytes(), 1, false);
            RawClient.Packet publish = first.readType(3);
            assertThat(publish.header() & 0x08).as("first delivery has DUP 0").isZero();
            // no PUBACK: drop the connection
        }
        try (RawClient second = new RawClient(fixture.port)) {
            second.send(RawClient.connect("resend", false, 60));
            RawClient.Packet connack = second.read();
            assertThat(connack.body()[0]).as("session present").isEqualTo((byte) 1);
            RawClient.Packet resent = second.readType(3);
            assertThat(resent.header() & 0x08).as("DUP set on resend").isEqualTo(0x08);
            assertThat(new String(resent.body(), 2 + "resend/t".length() + 2, 5)).isEqualTo("again");
            second.send(RawClient.ack(4, ((resent.body()[2 + 8] & 0xFF) << 8) | (resent.body()[2 + 8 + 1] & 0xFF)));
            second.send(RawClient.connect("x", true, 0)); // second CONNECT: closes, ends the test quickly
            assertThat(second.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void aNewConnectionWithTheSameIdTakesOverAndTheOldOnePublishesItsWill_MQTT_3_1_4_2() throws Exception {
        Inbox inbox = fixture.subscriber("takeover-watch", "takeover/will", 1);
        MqttConnectOptions withWill = BrokerFixture.options(true);
        withWill.setWill("takeover/will", "replaced".getBytes(), 1, false);
        MqttClient old = fixture.connect("twin", withWill);

        MqttClient fresh = fixture.connect("twin");

        assertThat(inbox.next().payload()).isEqualTo("replaced");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !old.isConnected());
        assertThat(fresh.isConnected()).isTrue();
        assertThat(fixture.broker.clients()).filteredOn(c -> c.clientId().equals("twin")).hasSize(1);
    }

    @Test
    void zeroLengthClientIdWithCleanSessionGetsAnAssignedId_MQTT_3_1_3_6() throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            client.send(RawClient.connect("", true, 60));
            assertThat(client.read().body()[1]).isZero();
            client.send(RawClient.packet(0xC0));
            assertThat(client.read().type()).as("PINGRESP").isEqualTo(13);
        }
    }

    @Test
    void zeroLengthClientIdWithoutCleanSessionIsRefusedWith0x02_MQTT_3_1_3_8() throws Exception {
        try (RawClient client = new RawClient(fixture.port)) {
            client.send(RawClient.connect("", false, 60));
            RawClient.Packet connack = client.read();
            assertThat(connack.type()).isEqualTo(2);
            assertThat(connack.body()[1]).isEqualTo((byte) 0x02);
            assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void unsupportedProtocolLevelIsRefusedWith0x01_MQTT_3_1_2_2() throws Exception {
        for (int level : new int[] {5, 6}) {
            try (RawClient client = new RawClient(fixture.port)) {
                client.send(RawClient.packet(0x10, RawClient.str("MQTT"), RawClient.bytes(level, 2, 0, 60),
                        level == 5 ? RawClient.bytes(0) : new byte[0], RawClient.str("future")));
                RawClient.Packet connack = client.read();
                assertThat(connack.type()).isEqualTo(2);
                assertThat(connack.body()).as("level " + level).containsExactly(0, 1);
                assertThat(client.closedWithin(Duration.ofSeconds(5))).isTrue();
            }
        }
    }

    @Test
    void mqtt31ClientsMayUseIdsLongerThan23Characters() throws Exception {
        String longId = "a-3.1-client-with-a-rather-long-identifier-0123456789";
        MqttConnectOptions v31 = BrokerFixture.options(true);
        v31.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1);
        MqttClient client = fixture.client(longId);
        Inbox inbox = new Inbox(client);
        client.setCallback(inbox);
        client.connect(v31);
        client.subscribe("v31/t", 2);

        client.publish("v31/t", "old protocol".getBytes(), 2, false);

        assertThat(inbox.next().payload()).isEqualTo("old protocol");
        assertThat(fixture.broker.clients()).extracting(ClientInfo::clientId).contains(longId);
    }

    @Test
    void keepaliveZeroMeansTheBrokerNeverTimesTheClientOut() throws Exception {
        try (RawClient never = new RawClient(fixture.port); RawClient brief = new RawClient(fixture.port)) {
            never.send(RawClient.connect("ka-zero", true, 0));
            assertThat(never.read().body()[1]).isZero();
            brief.send(RawClient.connect("ka-one", true, 1));
            assertThat(brief.read().body()[1]).isZero();

            assertThat(brief.closedWithin(Duration.ofSeconds(4))).as("1 s keepalive expires after 1.5 s").isTrue();

            assertThat(never.closedWithin(Duration.ofMillis(500))).as("keepalive 0 still open").isFalse();
            never.send(RawClient.packet(0xC0));
            assertThat(never.read().type()).isEqualTo(13);
        }
    }

    @Test
    void clientInfoAndListenerEventsReportConnectsAndDisconnects() throws Exception {
        var events = new java.util.concurrent.LinkedBlockingQueue<String>();
        BrokerListener listener = new BrokerListener() {
            @Override
            public void clientConnected(ClientInfo client) {
                events.add("+" + client.clientId());
            }

            @Override
            public void clientDisconnected(ClientInfo client, String reason) {
                events.add("-" + client.clientId() + ":" + reason);
            }
        };
        fixture.broker.addListener(listener);
        try {
            MqttConnectOptions withUser = BrokerFixture.options(true);
            withUser.setUserName("alice");
            MqttClient client = fixture.connect("watched", withUser);
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("+watched");
            assertThat(fixture.broker.clients()).anySatisfy(c -> {
                assertThat(c.clientId()).isEqualTo("watched");
                assertThat(c.username()).isEqualTo("alice");
                assertThat(c.address().getAddress().isLoopbackAddress()).isTrue();
            });
            client.disconnect();
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("-watched:disconnected");
        } finally {
            fixture.broker.removeListener(listener);
        }
    }

    @Test
    void authenticatorCanRefuseWithBadCredentials() throws Exception {
        try (BrokerFixture secured = new BrokerFixture(BrokerConfig.builder().authenticator(c ->
                java.util.concurrent.CompletableFuture.supplyAsync(() -> "secret".equals(
                        c.password() == null ? null : new String(c.password()))
                        ? Authenticator.Decision.ALLOW : Authenticator.Decision.BAD_CREDENTIALS)))) {
            MqttConnectOptions bad = BrokerFixture.options(true);
            bad.setUserName("bob");
            bad.setPassword("wrong".toCharArray());
            MqttClient client = secured.client("auth");
            try {
                client.connect(bad);
                throw new AssertionError("connected with a bad password");
            } catch (MqttException e) {
                assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION);
            }
            MqttConnectOptions good = BrokerFixture.options(true);
            good.setUserName("bob");
            good.setPassword("secret".toCharArray());
            client.connect(good);
            assertThat(client.isConnected()).isTrue();
        }
    }
}
