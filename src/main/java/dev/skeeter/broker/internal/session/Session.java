package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.Metrics;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker-side state of one client id: subscriptions, outbound messages in flight and queued, inbound QoS 2
 * packet ids awaiting PUBREL, and the connection it is attached to (none while offline).
 *
 * <p>Thread confinement: every field but the inbox is owned by the session's owner event loop (the loop of its
 * current connection, or of its last one while offline). Other threads only call {@link #offer} and
 * {@link #runOnOwner}; ownership moves, on the old owner, when a new connection attaches.
 *
 * <p>Back-pressure: while the messages waiting for this session (queue plus inbox) are above the high-water mark,
 * {@link #offer} tells the publisher so; it stops reading and calls {@link #awaitDrain}, and is resumed once the
 * session drains below the low-water mark, goes offline, or stalls (no progress for the stall timeout: then its
 * publishers stop waiting for it, and the queue bound drops what does not fit). A session that is congested makes
 * its own connection keep reading, so the acknowledgements it needs to drain always arrive (no deadlock when two
 * clients publish to each other or a client publishes to itself).
 */
public final class Session {
    /**
     * Deliveries waiting for the owner loop to drain them; beyond this a flood from other loops is dropped
     * (counted) before it can exhaust memory while the owner is busy.
     */
    private static final int INBOX_LIMIT = 65_536;
    /**
     * How far QoS 1 and 2 messages for a connected, progressing subscriber may exceed the queue bound before they
     * are dropped: back-pressure stops publishers near the high-water mark, but what they had already sent still
     * arrives (at most a socket read per publisher), and those messages were acknowledged.
     */
    private static final int ACKNOWLEDGED_OVERSHOOT = 65_536;

    private final String clientId;
    private final boolean persistent;
    private final SessionRegistry registry;
    private final Metrics metrics;
    private final int maxInflight;
    private final int maxQueued;
    private final QueueLimits limits;

    private volatile EventExecutor owner;
    private final Queue<Delivery> inbox = PlatformDependent.newMpscQueue();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drainInbox;
    /** Congested and not stalled: publishers should pause. Written on the owner loop, read by publishers. */
    private volatile boolean throttling;

    // Owned by the owner loop from here on.
    private ClientConnection connection;
    private boolean ready;
    private boolean discarded;
    private final Map<String, Integer> subscriptions = new HashMap<>();
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private final LinkedHashMap<Integer, InflightMessage> inflight = new LinkedHashMap<>();
    private final Set<Integer> awaitingPubrel = new HashSet<>();
    private int nextPacketId = 1;
    private boolean congested;
    private boolean stalled;
    /** Messages handed to the connection; a congested session whose count stands still is stalled. */
    private long progress;
    private ScheduledFuture<?> stallCheck;
    private final Set<ClientConnection> waitingPublishers = new LinkedHashSet<>();

    Session(String clientId, boolean persistent, EventExecutor owner, SessionRegistry registry) {
        this.clientId = clientId;
        this.persistent = persistent;
        this.owner = owner;
        this.registry = registry;
        this.metrics = registry.metrics();
        this.maxInflight = registry.maxInflight();
        this.maxQueued = registry.maxQueued();
        this.limits = registry.limits();
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

    private static void execute(EventExecutor executor, Runnable task) {
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
    public boolean offer(Message message, int qos) {
        int waiting = inboxSize.incrementAndGet();
        if (qos == 0 && waiting > INBOX_LIMIT) {
            inboxSize.decrementAndGet();
            metrics.dropped();
            return throttling;
        }
        inbox.offer(new Delivery(message, qos));
        if (drainScheduled.compareAndSet(false, true)) {
            execute(owner, drainTask);
        }
        return throttling || waiting >= limits.highWater();
    }

    /**
     * Any thread: {@code publisher} paused reading because {@link #offer} returned true. It is resumed with
     * {@link ClientConnection#resumeAfterDrain} on its own loop once this session drains below the low-water mark,
     * goes offline, or stalls; at once if it is not congested (any more).
     */
    public void awaitDrain(ClientConnection publisher) {
        runOnOwner(() -> {
            if (connection != null && ready && !discarded && !stalled && pressure() >= limits.highWater()) {
                markCongested();
                waitingPublishers.add(publisher);
            } else {
                resume(publisher);
            }
        });
    }

    private int pressure() {
        return queue.size() + inboxSize.get();
    }

    /** Owner loop: after anything that changes the queue or the inbox. */
    private void updateCongestion() {
        if (!congested) {
            if (connection != null && ready && pressure() >= limits.highWater()) {
                markCongested();
            }
        } else if (pressure() <= limits.lowWater()) {
            clearCongestion();
        }
    }

    private void markCongested() {
        if (congested) {
            return;
        }
        congested = true;
        throttling = true;
        scheduleStallCheck();
        connection.congestionChanged(true);
    }

    private void clearCongestion() {
        boolean was = congested;
        congested = false;
        stalled = false;
        throttling = false;
        if (stallCheck != null) {
            stallCheck.cancel(false);
            stallCheck = null;
        }
        releaseWaitingPublishers();
        if (was && connection != null) {
            connection.congestionChanged(false);
        }
    }

    private void scheduleStallCheck() {
        long progressAtStart = progress;
        try {
            stallCheck = owner.schedule(() -> {
                stallCheck = null;
                if (!congested || stalled) {
                    return;
                }
                if (progress == progressAtStart) {
                    // Nothing reached the client for a whole period: stop holding its publishers back.
                    stalled = true;
                    throttling = false;
                    releaseWaitingPublishers();
                } else {
                    scheduleStallCheck();
                }
            }, limits.stallTimeoutNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The broker is stopping.
        }
    }

    private void releaseWaitingPublishers() {
        if (waitingPublishers.isEmpty()) {
            return;
        }
        ClientConnection[] publishers = waitingPublishers.toArray(ClientConnection[]::new);
        waitingPublishers.clear();
        for (ClientConnection publisher : publishers) {
            resume(publisher);
        }
    }

    private void resume(ClientConnection publisher) {
        // Always through the publisher's task queue, even on this loop: it must not re-enter its own read.
        execute(publisher.eventLoop(), () -> publisher.resumeAfterDrain(this));
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
        updateCongestion();
    }

    /** Owner loop: sends now, queues, or drops (counted). Returns whether something was written. */
    private boolean accept(Delivery d) {
        if (discarded) {
            metrics.dropped();
            return false;
        }
        if (connection == null || !ready) {
            if (connection == null && (d.qos() == 0 || !persistent)) {
                // QoS 0 is not kept for offline clients (optional in [MQTT-3.1.2-5]; mosquitto does the same).
                metrics.dropped();
                return false;
            }
            enqueue(d);
            return false;
        }
        if (!queue.isEmpty() || !connection.isWritable() || (d.qos() > 0 && inflight.size() >= maxInflight)) {
            enqueue(d);
            return false;
        }
        send(d);
        return true;
    }

    private void enqueue(Delivery d) {
        int size = queue.size();
        if (maxQueued == 0 || size < maxQueued
                || d.qos() > 0 && connection != null && !stalled && size < maxQueued + ACKNOWLEDGED_OVERSHOOT) {
            queue.add(d);
        } else {
            metrics.dropped();
        }
    }

    private void send(Delivery d) {
        progress++;
        if (d.qos() == 0) {
            connection.sendPublish(d.message(), 0, 0, false);
            return;
        }
        int packetId = allocatePacketId();
        inflight.put(packetId, new InflightMessage(packetId, d.message(), d.qos()));
        connection.sendPublish(d.message(), d.qos(), packetId, false);
    }

    private int allocatePacketId() {
        // inflight is bounded by maxInflight (< 65535), so a free id exists.
        while (true) {
            int id = nextPacketId;
            nextPacketId = id == 65535 ? 1 : id + 1;
            if (!inflight.containsKey(id)) {
                return id;
            }
        }
    }

    /** Owner loop: sends queued messages while the window and the socket allow. */
    public void pump() {
        if (connection == null || !ready || discarded) {
            return;
        }
        boolean wrote = false;
        while (!queue.isEmpty() && connection.isWritable()) {
            Delivery head = queue.peek();
            if (head.qos() > 0 && inflight.size() >= maxInflight) {
                break;
            }
            queue.poll();
            send(head);
            wrote = true;
        }
        if (wrote) {
            connection.flush();
        }
        updateCongestion();
    }

    /** Owner loop: PUBACK for an outbound QoS 1 message. */
    public void puback(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == 1) {
            inflight.remove(packetId);
            pump();
        }
    }

    /** Owner loop: PUBREC for an outbound QoS 2 message; the caller answers PUBREL. */
    public void pubrec(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.qos == 2) {
            m.released = true;
        }
    }

    /** Owner loop: PUBCOMP ends an outbound QoS 2 flow. */
    public void pubcomp(int packetId) {
        InflightMessage m = inflight.get(packetId);
        if (m != null && m.released) {
            inflight.remove(packetId);
            pump();
        }
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
        connection = null; // the old connection hears no more of congestion
        clearCongestion();
        connection = next;
        ready = false;
        owner = next.eventLoop();
        execute(next.eventLoop(), () -> {
            if (connection != next) {
                return; // taken over again before this ran
            }
            ready = true;
            next.sessionReady(this, sessionPresent);
            for (InflightMessage m : inflight.values()) {
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
            clearCongestion(); // publishers waiting for an offline client go on; what does not fit is dropped
            if (!persistent) {
                discard();
                registry.remove(this);
            }
        });
    }

    /** Owner loop: the session ends; its subscriptions leave the router and its messages are dropped. */
    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        ClientConnection attached = connection;
        connection = null;
        clearCongestion();
        connection = attached;
        for (String filter : subscriptions.keySet()) {
            registry.router().unsubscribe(filter, this);
        }
        subscriptions.clear();
        queue.clear();
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
