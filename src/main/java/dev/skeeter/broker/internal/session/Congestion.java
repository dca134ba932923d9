package dev.skeeter.broker.internal.session;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Back-pressure for one session. While the messages waiting for it (queue plus inbox) are above the high-water mark
 * it is congested: publishers that hit it pause reading ({@link Session#awaitDrain}) and are resumed once it
 * drains below the low-water mark, goes offline, or stalls. Stalled means no message reached the client for a whole
 * stall timeout: its publishers then stop waiting, and the queue bound drops what does not fit.
 *
 * <p>Confined to the session's owner loop, except {@link #throttling()}, which publishers read from any loop.
 */
final class Congestion {
    private final Session session;
    private final QueueLimits limits;
    /** Congested and not stalled: publishers should pause. */
    private volatile boolean throttling;
    private boolean congested;
    private boolean stalled;
    /** Messages handed to the connection; a congested session whose count stands still is stalled. */
    private long progress;
    private ScheduledFuture<?> stallCheck;
    private final Set<ClientConnection> waitingPublishers = new LinkedHashSet<>();

    Congestion(Session session, QueueLimits limits) {
        this.session = session;
        this.limits = limits;
    }

    /** Any thread: true while publishers should pause for this session. */
    boolean throttling() {
        return throttling;
    }

    boolean stalled() {
        return stalled;
    }

    boolean aboveHighWater(int pressure) {
        return pressure >= limits.highWater();
    }

    /** A message reached the connection. */
    void progressed() {
        progress++;
    }

    /** After anything that changed the pressure; {@code deliverable} when a ready connection is attached. */
    void update(int pressure, boolean deliverable) {
        if (!congested) {
            if (deliverable && aboveHighWater(pressure)) {
                mark();
            }
        } else if (pressure <= limits.lowWater()) {
            clear(true);
        }
    }

    /** {@code publisher} paused reading for this session: it waits while the session is congested, else goes on. */
    void await(ClientConnection publisher, int pressure, boolean deliverable) {
        if (deliverable && !stalled && aboveHighWater(pressure)) {
            mark();
            waitingPublishers.add(publisher);
        } else {
            resume(publisher);
        }
    }

    /**
     * Ends congestion and resumes the waiting publishers without telling the attached connection: it is being
     * replaced or closed, and must hear no more of this session's congestion.
     */
    void reset() {
        clear(false);
    }

    private void mark() {
        if (congested) {
            return;
        }
        congested = true;
        throttling = true;
        scheduleStallCheck();
        session.congestionChanged(true);
    }

    private void clear(boolean tellConnection) {
        boolean was = congested;
        congested = false;
        stalled = false;
        throttling = false;
        if (stallCheck != null) {
            stallCheck.cancel(false);
            stallCheck = null;
        }
        releaseWaitingPublishers();
        if (was && tellConnection) {
            session.congestionChanged(false);
        }
    }

    private void scheduleStallCheck() {
        long progressAtStart = progress;
        try {
            stallCheck = session.owner().schedule(() -> {
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
        Session.execute(publisher.eventLoop(), () -> publisher.resumeAfterDrain(session));
    }
}
