package dev.skeeter.client;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's own thread, its listeners, and the one hand-off from Paho's threads to them. Thread-safe.
 *
 * <p>Messages, state changes and log events wait in one queue, in the order they happened, and are delivered on
 * the connection's own thread in batches: one drain task in flight however many wait, so a flood costs a few
 * tasks, not one per message. Nothing is dropped here. When {@value #MAX_WAITING_MESSAGES} messages wait (the
 * machine cannot keep up with a flood), Paho's callback thread waits until half of them were delivered: Paho stops
 * reading meanwhile and TCP holds the broker back. Waiting for half, not for one place, keeps the two threads from
 * waking each other for every message. Listeners only hand messages on (the app's panes to their bounded
 * {@code FxBatcher}, where a flood the screen cannot take is dropped and counted), so this is a safety net.
 */
final class EventDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    static final int MAX_WAITING_MESSAGES = 100_000;
    private static final int RESUME_AT = MAX_WAITING_MESSAGES / 2;

    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object room = new Object();
    private volatile boolean held; // Paho's thread waits for room
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
        if (waiting.incrementAndGet() > MAX_WAITING_MESSAGES) {
            awaitRoom();
        }
        pending.add(() -> {
            delivered();
            deliver(l -> l.messageArrived(message));
        });
        schedule();
    }

    /** Until half the waiting messages were delivered, the connection is shut down, or Paho stops its thread. */
    private void awaitRoom() {
        synchronized (room) {
            held = true;
            try {
                while (waiting.get() > RESUME_AT && !shutDown) {
                    room.wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // how Paho stops its callback thread on disconnect
            } finally {
                held = false;
            }
        }
    }

    private void delivered() {
        if (waiting.decrementAndGet() <= RESUME_AT && held) {
            synchronized (room) {
                room.notifyAll();
            }
        }
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
