package dev.skeeter.client;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's own thread, its listeners, and the one hand-off from Paho's threads to them. Thread-safe.
 *
 * <p>Messages, state changes and log events wait in one queue, in the order they happened, and are delivered on
 * the connection's own thread in batches: one drain task in flight however many wait, so a flood costs a few
 * tasks, not one per message. Nothing is dropped here. When {@value #MAX_WAITING_MESSAGES} messages wait (a
 * listener too slow for a flood), Paho's callback thread waits for room: Paho stops reading and TCP holds the
 * broker back. Listeners only hand messages on (the app's panes to their bounded {@code FxBatcher}, which is where
 * a flood the screen cannot take is dropped and counted), so that wait is a safety net, not the flow.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    static final int MAX_WAITING_MESSAGES = 10_000;

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Semaphore room = new Semaphore(MAX_WAITING_MESSAGES);
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor own;
    private volatile Thread ownThread;
    private volatile boolean shutDown;

    EventDispatcher(String threadName) {
        this.own = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            ownThread = t;
            return t;
        });
        own.setRemoveOnCancelPolicy(true);
        own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /** Queues a state change or log event for every listener. */
    void post(Consumer<ConnectionListener> call) {
        pending.add(() -> deliver(call));
        schedule();
    }

    /**
     * Queues a message delivery. Called on Paho's callback thread only: it waits there while the queue is full,
     * which is the back-pressure (never called on the connection's own thread, which would wait for itself). A
     * closed connection delivers no more messages.
     */
    void postMessage(ReceivedMessage message) {
        if (shutDown) {
            return;
        }
        if (awaitRoom()) {
            pending.add(() -> {
                room.release();
                deliver(l -> l.messageArrived(message));
            });
        } else {
            pending.add(() -> deliver(l -> l.messageArrived(message)));
        }
        schedule();
    }

    /** On the connection's own thread: a listener that throws is logged and does not keep the others waiting. */
    private void deliver(Consumer<ConnectionListener> call) {
        for (ConnectionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("a connection listener failed", e);
            }
        }
    }

    /** True with a place taken; false once shut down or interrupted (Paho interrupts its thread to stop it). */
    private boolean awaitRoom() {
        try {
            while (!shutDown) {
                if (room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Runs on the connection's own thread (never Paho's); runs inline once shut down. */
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
     * that thread, so the last state change has reached the listeners when close() returns.
     */
    void shutdown() {
        shutDown = true;
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
            runOwn(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false); // first: work posted during the drain schedules the next batch
        for (Runnable r; (r = pending.poll()) != null; ) {
            r.run();
        }
    }
}
