package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.broker.internal.routing.Subscriber;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The broker-side state of one client id: subscriptions, outbound messages in flight and queued, inbound QoS 2
 * packet ids awaiting PUBREL, and the connection it is attached to (none while offline).
 *
 * <p>Thread confinement: every field but the inbox is owned by the session's owner event loop (the loop of its
 * current connection, or of its last one while offline). Other threads only call {@link #offer} and
 * {@link #runOnOwner}; ownership moves, on the old owner, when a new connection attaches.
 *
 * <p>Back-pressure ({@link Congestion}): {@link #offer} tells a publisher when this session is congested; it stops
 * reading and calls {@link #awaitDrain}. A session that is congested makes its own connection keep reading, so the
 * acknowledgements it needs to drain always arrive (no deadlock when two clients publish to each other or a client
 * publishes to itself).
 */
public final class Session implements Subscriber {
    /**
     * Deliveries waiting for the owner loop to drain them; beyond this a flood from other loops is dropped
     * (counted) before it can exhaust memory while the owner is busy.
     */
    private static final int INBOX_LIMIT = 65_536;

    private final String clientId;
    private final boolean persistent;
    private final SessionRegistry registry;
    private final Metrics metrics;
    private final QueueLimits limits;
    private final SessionExpiry expiry;

    private volatile EventExecutor owner;
    private final Queue<Delivery> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drainInbox;
    private final Congestion congestion;
    /** The ACL's read check for this client (set on every connect, kept while offline); any thread reads it. */
    private volatile Predicate<String> readPermission = topic -> true;

    // Owned by the owner loop from here on.
    private ClientConnection connection;
    private boolean ready;
    private boolean discarded;
    private final Map<String, Integer> subscriptions = new HashMap<>();
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    /** Payload bytes in {@link #queue}; written by the owner loop only (lazySet), read by $SYS from any thread. */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final InflightWindow inflight;
    private final Set<Integer> awaitingPubrel = new HashSet<>();

    Session(String clientId, boolean persistent, EventExecutor owner, SessionRegistry registry) {
        this.clientId = clientId;
        this.persistent = persistent;
        this.owner = owner;
        this.registry = registry;
        this.metrics = registry.metrics();
        this.limits = registry.limits();
        this.expiry = new SessionExpiry(registry.limits().expiryNanos());
        this.inflight = new InflightWindow(registry.maxInflight());
        this.congestion = new Congestion(this, registry.limits());
    }

    public String clientId() {
        return clientId;
    }

    /** True for clean session 0: the state outlives the connection [MQTT-3.1.2-4]. */
    public boolean isPersistent() {
        return persistent;
    }

    /** Runs {@code task} on the owner loop, following the session if ownership moved in the meantime. */
    public void runOnOwner(Runnable task) {
        EventExecutor current = owner;
        if (current.inEventLoop()) {
            task.run();
        } else {
            execute(current, () -> runOnOwner(task));
        }
    }

    EventExecutor owner() {
        return owner;
    }

    static void execute(EventExecutor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The broker is stopping and its loops are gone: nothing is left to deliver to.
        }
    }

    /**
     * Any thread: hands a message over for delivery; deliveries are drained and flushed in batches. Returns true
     * when this session is congested: a publishing connection should then pause reading and {@link #awaitDrain}.
     */
    @Override
    public boolean offer(Message message, int qos) {
        if (!readPermission.test(message.topic())) {
            return false; // the ACL denies this client the topic: not delivered, live or retained
        }
        int waiting = inboxSize.incrementAndGet();
        if (qos == 0 && waiting > INBOX_LIMIT) {
            inboxSize.decrementAndGet();
            metrics.dropped();
            return congestion.throttling();
        }
        inbox.offer(new Delivery(message, qos));
        if (drainScheduled.compareAndSet(false, true)) {
            execute(owner, drainTask);
        }
        return congestion.throttling() || congestion.aboveHighWater(waiting);
    }

    /** Sets who may read what for this session's client: checked for every message offered from now on. */
    public void readPermission(Predicate<String> mayRead) {
        readPermission = mayRead;
    }

    /**
     * Any thread: {@code publisher} paused reading because {@link #offer} returned true. It is resumed with
     * {@link ClientConnection#resumeAfterDrain} on its own loop once this session drains below the low-water mark,
     * goes offline, or stalls; at once if it is not congested (any more).
     */
    public void awaitDrain(ClientConnection publisher) {
        runOnOwner(() -> congestion.await(publisher, pressure(), deliverable()));
    }

    /** Queued and in-flight messages; any thread (a possibly stale read of sizes owned by this session's loop). */
    int heldMessages() {
        return queue.size() + inflight.size() + inboxSize.get();
    }

    /** Payload bytes of the queued and in-flight messages; any thread, possibly a moment stale. */
    long heldBytes() {
        return queuedBytes.get() + inflight.bytes();
    }

    private int pressure() {
        return queue.size() + inboxSize.get();
    }

    private boolean deliverable() {
        return connection != null && ready && !discarded;
    }

    /** Owner loop: tells the attached connection that this session became congested or drained. */
    void congestionChanged(boolean congested) {
        if (connection != null) {
            connection.congestionChanged(congested);
        }
    }

    private void drainInbox() {
        if (!owner.inEventLoop()) {
            execute(owner, drainTask);
            return;
        }
        // Cleared first: an offer racing with this drain schedules the next one.
        drainScheduled.set(false);
        boolean wrote = false;
        int drained = 0;
        for (Delivery d; (d = inbox.poll()) != null; ) {
            drained++;
            wrote |= accept(d);
        }
        inboxSize.addAndGet(-drained);
        if (wrote) {
            connection.flush();
        }
        congestion.update(pressure(), deliverable());
    }

    /** Owner loop: sends now, queues, or drops (counted). Returns whether something was written. */
    private boolean accept(Delivery d) {
        if (discarded) {
            return false; // the session ended: not a subscriber any more, so nothing was dropped (as mosquitto)
        }
        if (connection == null || !ready) {
            if (connection == null && (d.qos() == 0 && !limits.queueQos0() || !persistent)) {
                // QoS 0 is kept for offline clients only with queue_qos0_messages (optional in [MQTT-3.1.2-5]). mosquitto 2.0 does the same and
                // does not count it in publish/messages/dropped, which counts full queues only.
                return false;
            }
            enqueue(d);
            return false;
        }
        if (!queue.isEmpty() || !connection.isWritable() || (d.qos() > 0 && inflight.isFull())) {
            enqueue(d);
            return false;
        }
        send(d);
        return true;
    }

    private void enqueue(Delivery d) {
        boolean acknowledged = d.qos() > 0 && connection != null && !congestion.stalled();
        long bytes = d.message().payload().length;
        if (limits.admits(queue.size(), queuedBytes.get(), bytes, acknowledged)) {
            queue.add(d);
            queuedBytes.lazySet(queuedBytes.get() + bytes);
        } else {
            metrics.dropped();
        }
    }

    private void send(Delivery d) {
        congestion.progressed();
        int packetId = d.qos() == 0 ? 0 : inflight.add(d.message(), d.qos());
        connection.sendPublish(d.message(), d.qos(), packetId, false);
    }

    /** Owner loop: sends queued messages while the window and the socket allow. */
    public void pump() {
        if (connection == null || !ready || discarded) {
            return;
        }
        boolean wrote = false;
        while (!queue.isEmpty() && connection.isWritable()) {
            Delivery head = queue.peek();
            if (head.qos() > 0 && inflight.isFull()) {
                break;
            }
            queue.poll();
            queuedBytes.lazySet(queuedBytes.get() - head.message().payload().length);
            send(head);
            wrote = true;
        }
        if (wrote) {
            connection.flush();
        }
        congestion.update(pressure(), deliverable());
    }

    /** Owner loop: PUBACK for an outbound QoS 1 message. */
    public InflightWindow.Ack puback(int packetId) {
        return pumpIfFreed(inflight.puback(packetId));
    }

    /** Owner loop: PUBREC for an outbound QoS 2 message; the caller answers PUBREL unless it is of the wrong kind. */
    public InflightWindow.Ack pubrec(int packetId) {
        return inflight.pubrec(packetId);
    }

    /** Owner loop: PUBCOMP ends an outbound QoS 2 flow. */
    public InflightWindow.Ack pubcomp(int packetId) {
        return pumpIfFreed(inflight.pubcomp(packetId));
    }

    private InflightWindow.Ack pumpIfFreed(InflightWindow.Ack ack) {
        if (ack == InflightWindow.Ack.MATCHED) {
            pump();
        }
        return ack;
    }

    /**
     * Owner loop: an inbound QoS 2 PUBLISH. Returns true when it is new and must be routed, false when it is a
     * resend of a message already routed and still awaiting PUBREL (exactly once, [MQTT-4.3.3-2]).
     */
    public boolean inboundQos2(int packetId) {
        return awaitingPubrel.add(packetId);
    }

    /** Owner loop: PUBREL releases the packet id of an inbound QoS 2 message. */
    public void inboundPubrel(int packetId) {
        awaitingPubrel.remove(packetId);
    }

    /** Owner loop: records a subscription; returns the previous QoS or -1 (also registers it with the router). */
    public int subscribe(String filter, int qos) {
        Integer previous = subscriptions.put(filter, qos);
        registry.router().subscribe(filter, this, qos);
        return previous == null ? -1 : previous;
    }

    /** Owner loop. */
    public boolean unsubscribe(String filter) {
        if (subscriptions.remove(filter) == null) {
            return false;
        }
        registry.router().unsubscribe(filter, this);
        return true;
    }

    /**
     * Owner (old) loop: attaches a new connection, closing the previous one (takeover [MQTT-3.1.4-2]), moves
     * ownership to the new connection's loop, then calls {@link ClientConnection#sessionReady} there and resends
     * what was in flight with DUP set [MQTT-4.4.0-1].
     */
    void attach(ClientConnection next, boolean sessionPresent) {
        ClientConnection previous = connection;
        if (previous != null && previous != next) {
            previous.takeOver();
        }
        congestion.reset(); // the old connection hears no more of congestion
        connection = next;
        ready = false;
        owner = next.eventLoop();
        execute(next.eventLoop(), () -> {
            if (connection != next) {
                return; // taken over again before this ran
            }
            ready = true;
            next.sessionReady(this, sessionPresent);
            for (InflightMessage m : inflight.inOrder()) {
                if (m.released) {
                    next.sendPubrel(m.packetId);
                } else {
                    next.sendPublish(m.message, m.qos, m.packetId, true);
                }
            }
            next.flush();
            pump();
            drainInbox();
        });
    }

    /** Any thread: the connection closed; a clean session ends with it [MQTT-3.1.2-6]. */
    public void detach(ClientConnection closed) {
        runOnOwner(() -> {
            if (connection != closed) {
                return;
            }
            connection = null;
            ready = false;
            congestion.reset(); // publishers waiting for an offline client go on; what does not fit is dropped
            if (!persistent) {
                discard();
                registry.remove(this);
            } else {
                expiry.clientLeft(owner, this::runOnOwner, this::expireIfAway);
            }
        });
    }

    /** Owner loop: persistent_client_expiration ran out (counted in clients/expired, as mosquitto does). */
    private void expireIfAway() {
        if (connection == null && !discarded) {
            discard();
            registry.remove(this);
            metrics.clientExpired();
        }
    }

    /** Owner loop: the session ends; its subscriptions leave the router and its messages are dropped. */
    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        congestion.reset();
        for (String filter : subscriptions.keySet()) {
            registry.router().unsubscribe(filter, this);
        }
        subscriptions.clear();
        queue.clear();
        queuedBytes.lazySet(0);
        inflight.clear();
        awaitingPubrel.clear();
        if (connection != null) {
            ClientConnection c = connection;
            connection = null;
            c.takeOver();
        }
    }

    /** Owner loop; for tests and stats. */
    int queuedCount() {
        return queue.size();
    }

    /** Owner loop; for tests and stats. */
    int inflightCount() {
        return inflight.size();
    }
}
