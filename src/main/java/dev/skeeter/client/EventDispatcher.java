package dev.skeeter.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves work off Paho's callback threads. Thread-safe.
 *
 * <p>Listener deliveries are queued and handed to the event executor in batches with at most one batch task in
 * flight, so a flood costs the event executor (e.g. the FX thread) a few tasks instead of one per message. The
 * hand-off itself runs on the connection's own thread, so even a direct executor ({@code Runnable::run}) never
 * runs listeners on Paho's thread. Pending messages are bounded; past the bound new ones are dropped and counted.
 * State changes and log events are never dropped.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    static final int MAX_PENDING_MESSAGES = 100_000;

    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingMessages = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor own;
    private final Executor events;
    private volatile Thread ownThread;

    EventDispatcher(String threadName, Executor events) {
        this.events = events;
        this.own = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            ownThread = t;
            return t;
        });
        own.setRemoveOnCancelPolicy(true);
        own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Queues a state change or log event for the listeners. */
    void post(Runnable delivery) {
        pending.add(delivery);
        schedule();
    }

    /** Queues a message delivery; false (and counted) when too many are already waiting. */
    boolean postMessage(Runnable delivery) {
        if (pendingMessages.incrementAndGet() > MAX_PENDING_MESSAGES) {
            pendingMessages.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        pending.add(() -> {
            pendingMessages.decrementAndGet();
            delivery.run();
        });
        schedule();
        return true;
    }

    long dropped() {
        return dropped.get();
    }

    /** Runs on the connection's own thread (not Paho's, not the event executor); runs inline once shut down. */
    void runOwn(Runnable task) {
        try {
            own.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return own.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Lets queued work finish, then ends the connection's thread; waits up to a second for that unless called on
     * that thread, so the last state change has been handed to the event executor when close() returns.
     */
    void shutdown() {
        own.shutdown();
        if (Thread.currentThread() != ownThread) {
            try {
                own.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            runOwn(() -> {
                try {
                    events.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    scheduled.set(false);
                    LOG.debug("event executor rejected a delivery batch", e);
                }
            });
        }
    }

    private void drain() {
        scheduled.set(false); // first: work posted during the drain schedules the next batch
        for (Runnable r; (r = pending.poll()) != null; ) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("a connection listener failed", e);
            }
        }
    }
}
