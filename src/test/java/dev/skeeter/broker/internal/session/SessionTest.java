package dev.skeeter.broker.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.broker.internal.routing.Router;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session state without a network: a fake connection records what the session sends. */
class SessionTest {
    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final Metrics metrics = new Metrics();
    private final Router<Session> router = new Router<>();
    private SessionRegistry registry = new SessionRegistry(router, metrics, limits(2, 3));

    private static QueueLimits limits(int maxInflight, int maxQueued) {
        return QueueLimits.of(maxInflight, maxQueued, Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        loop.finishAndReleaseAll();
    }

    /** Records the session's calls; writable unless told otherwise. */
    final class FakeConnection implements ClientConnection {
        final List<String> sent = new ArrayList<>();
        /** Back-pressure calls, apart from what is sent. */
        final List<String> flow = new ArrayList<>();
        boolean writable = true;

        @Override
        public EventLoop eventLoop() {
            return loop.eventLoop();
        }

        @Override
        public boolean isWritable() {
            return writable;
        }

        @Override
        public void sendPublish(Message message, int qos, int packetId, boolean duplicate) {
            sent.add("PUBLISH " + message.topic() + " q" + qos + (qos > 0 ? " m" + packetId : "")
                    + (duplicate ? " dup" : ""));
        }

        @Override
        public void sendPubrel(int packetId) {
            sent.add("PUBREL m" + packetId);
        }

        @Override
        public void flush() {
        }

        @Override
        public void takeOver() {
            sent.add("TAKEN OVER");
        }

        @Override
        public void sessionReady(Session session, boolean sessionPresent) {
            sent.add("READY present=" + sessionPresent);
        }

        @Override
        public void congestionChanged(boolean congested) {
            flow.add(congested ? "CONGESTED" : "DRAINED");
        }

        @Override
        public void resumeAfterDrain(Session session) {
            flow.add("RESUME " + session.clientId());
        }
    }

    private Session connect(FakeConnection connection, String clientId, boolean clean) {
        Session session = registry.connect(clientId, clean, connection);
        loop.runPendingTasks();
        return session;
    }

    private static Message message(String topic) {
        return new Message(topic, new byte[] {1}, 2, false);
    }

    @Test
    void offlinePersistentSessionQueuesQos1And2AndDropsQos0() {
        FakeConnection first = new FakeConnection();
        Session session = connect(first, "c", false);
        session.subscribe("t/#", 2);
        session.detach(first);

        session.offer(message("t/1"), 1);
        session.offer(message("t/0"), 0);
        session.offer(message("t/2"), 2);
        loop.runPendingTasks();
        assertThat(metrics.snapshot(0, 0, 0, 0, 0).publishDropped())
                .as("QoS 0 for an offline client is not kept, and not counted as dropped (as mosquitto 2.0)").isZero();

        FakeConnection second = new FakeConnection();
        assertThat(connect(second, "c", false)).isSameAs(session);
        assertThat(second.sent).containsExactly("READY present=true", "PUBLISH t/1 q1 m1", "PUBLISH t/2 q2 m2");
    }

    @Test
    void heldBytesCountQueuedAndInFlightPayloadsUntilAcknowledged() {
        FakeConnection first = new FakeConnection();
        Session session = connect(first, "c", false);
        session.subscribe("t/#", 2);
        session.detach(first);
        session.offer(new Message("t/a", new byte[10], 1, false), 1);
        session.offer(new Message("t/b", new byte[20], 2, false), 2);
        loop.runPendingTasks();
        assertThat(session.heldBytes()).as("queued for the offline client").isEqualTo(30);

        FakeConnection second = new FakeConnection();
        connect(second, "c", false);
        assertThat(second.sent).containsExactly("READY present=true", "PUBLISH t/a q1 m1", "PUBLISH t/b q2 m2");
        assertThat(session.heldBytes()).as("in flight now").isEqualTo(30);

        session.puback(1);
        assertThat(session.heldBytes()).isEqualTo(20);
        session.pubrec(2);
        assertThat(session.heldBytes()).as("kept until PUBCOMP").isEqualTo(20);
        session.pubcomp(2);
        assertThat(session.heldBytes()).isZero();
    }

    @Test
    void reconnectResendsUnacknowledgedWithDupAndReleasedAsPubrel_MQTT_4_4_0_1() {
        FakeConnection first = new FakeConnection();
        Session session = connect(first, "c", false);
        session.offer(message("a"), 2);
        session.offer(message("b"), 1);
        loop.runPendingTasks();
        session.pubrec(1); // a: released, awaiting PUBCOMP
        session.detach(first);

        FakeConnection second = new FakeConnection();
        connect(second, "c", false);

        assertThat(second.sent).containsExactly("READY present=true", "PUBREL m1", "PUBLISH b q1 m2 dup");
    }

    @Test
    void windowHoldsMessagesAndAcksReleaseThemInOrder() {
        FakeConnection c = new FakeConnection();
        Session session = connect(c, "c", true);
        for (String t : List.of("1", "2", "3", "4")) {
            session.offer(message(t), 1);
        }
        loop.runPendingTasks();
        assertThat(c.sent).containsExactly("READY present=false", "PUBLISH 1 q1 m1", "PUBLISH 2 q1 m2");

        session.puback(1);
        session.puback(99); // unknown ids are ignored
        assertThat(c.sent).endsWith("PUBLISH 3 q1 m3");
        assertThat(session.inflightCount()).isEqualTo(2);
        assertThat(session.queuedCount()).isEqualTo(1);
    }

    @Test
    void qos0WaitsInTheBoundedQueueWhileTheSocketIsFullThenDrops() {
        FakeConnection c = new FakeConnection();
        Session session = connect(c, "c", true);
        c.writable = false;
        for (int i = 0; i < 5; i++) {
            session.offer(message("q" + i), 0);
        }
        loop.runPendingTasks();
        assertThat(session.queuedCount()).isEqualTo(3);
        assertThat(metrics.snapshot(0, 0, 0, 0, 0).publishDropped()).isEqualTo(2);

        c.writable = true;
        session.pump();
        assertThat(c.sent).containsExactly("READY present=false", "PUBLISH q0 q0", "PUBLISH q1 q0", "PUBLISH q2 q0");
    }

    @Test
    void aCongestedSessionAsksPublishersToWaitAndResumesThemWhenDrained() {
        registry = new SessionRegistry(router, metrics, limits(20, 100)); // high water 50, low water 25
        FakeConnection subscriber = new FakeConnection();
        Session session = connect(subscriber, "sub", true);
        FakeConnection publisher = new FakeConnection();
        subscriber.writable = false;
        boolean congested = false;
        for (int i = 0; i < 60; i++) {
            congested |= session.offer(message("t"), 0);
        }
        loop.runPendingTasks();
        assertThat(congested).as("offer reports congestion above the high-water mark").isTrue();
        assertThat(subscriber.flow).containsExactly("CONGESTED");

        session.awaitDrain(publisher);
        loop.runPendingTasks();
        assertThat(publisher.flow).as("still congested: the publisher waits").isEmpty();
        assertThat(session.offer(message("t"), 0)).isTrue();

        subscriber.writable = true;
        session.pump();
        loop.runPendingTasks();
        assertThat(publisher.flow).containsExactly("RESUME sub");
        assertThat(subscriber.flow).containsExactly("CONGESTED", "DRAINED");
        assertThat(session.offer(message("t"), 0)).isFalse();
        assertThat(metrics.snapshot(0, 0, 0, 0, 0).publishDropped()).isZero();
    }

    @Test
    void aPublisherWaitingForAClientThatGoesAwayIsResumed() {
        registry = new SessionRegistry(router, metrics, limits(20, 100));
        FakeConnection subscriber = new FakeConnection();
        Session session = connect(subscriber, "sub", true);
        subscriber.writable = false;
        for (int i = 0; i < 60; i++) {
            session.offer(message("t"), 0);
        }
        loop.runPendingTasks();
        FakeConnection publisher = new FakeConnection();
        session.awaitDrain(publisher);
        loop.runPendingTasks();
        assertThat(publisher.flow).isEmpty();

        session.detach(subscriber);
        loop.runPendingTasks();

        assertThat(publisher.flow).containsExactly("RESUME sub");
    }

    @Test
    void acknowledgedMessagesForAConnectedSubscriberAreKeptBeyondTheQueueBoundButQos0IsDropped() {
        registry = new SessionRegistry(router, metrics, limits(1, 10));
        FakeConnection subscriber = new FakeConnection();
        Session session = connect(subscriber, "sub", true);
        for (int i = 0; i < 30; i++) {
            session.offer(message("q1"), 1);
            session.offer(message("q0"), 0);
        }
        loop.runPendingTasks();

        // QoS 1: 1 in flight + 29 queued, all kept. QoS 0: 1 sent, 5 queued within the bound, 24 dropped.
        assertThat(session.inflightCount() + session.queuedCount()).isEqualTo(35);
        assertThat(metrics.snapshot(0, 0, 0, 0, 0).publishDropped()).isEqualTo(24);
    }

    @Test
    void packetIdsWrapAndSkipIdsStillInFlight() {
        registry = new SessionRegistry(router, metrics, limits(65_534, 10));
        FakeConnection c = new FakeConnection();
        Session session = connect(c, "c", true);
        for (int i = 0; i < 65_535; i++) {
            session.offer(message("x"), 1);
        }
        loop.runPendingTasks();
        assertThat(session.inflightCount()).isEqualTo(65_534); // ids 1..65534 in flight
        c.sent.clear();
        session.puback(2);
        assertThat(c.sent).containsExactly("PUBLISH x q1 m65535"); // the queued one takes the last id
        session.puback(65_535);
        c.sent.clear();
        session.offer(message("y"), 1);
        loop.runPendingTasks();
        assertThat(c.sent).containsExactly("PUBLISH y q1 m2"); // wrapped to 1, which is in flight, so 2
    }

    @Test
    void aSecondConnectionTakesTheSessionOver_MQTT_3_1_4_2() {
        FakeConnection first = new FakeConnection();
        connect(first, "c", false);
        FakeConnection second = new FakeConnection();
        connect(second, "c", false);

        assertThat(first.sent).endsWith("TAKEN OVER");
        assertThat(second.sent).containsExactly("READY present=true");
    }

    @Test
    void cleanSessionEndsWithItsConnectionAndLeavesTheRouter_MQTT_3_1_2_6() {
        FakeConnection c = new FakeConnection();
        Session session = connect(c, "c", true);
        session.subscribe("a/+", 1);
        assertThat(router.subscriptionCount()).isEqualTo(1);

        session.detach(c);

        assertThat(registry.size()).isZero();
        assertThat(router.subscriptionCount()).isZero();
    }

    @Test
    void inboundQos2PacketIdIsRoutedOnceUntilReleased_MQTT_4_3_3_2() {
        Session session = connect(new FakeConnection(), "c", true);
        assertThat(session.inboundQos2(5)).isTrue();
        assertThat(session.inboundQos2(5)).isFalse();
        session.inboundPubrel(5);
        assertThat(session.inboundQos2(5)).isTrue();
    }
}
