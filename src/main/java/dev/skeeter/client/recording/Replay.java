package dev.skeeter.client.recording;

import dev.skeeter.client.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running replay. {@link #done()} completes with the result when every message was published, exceptionally
 * with the first publication's failure (the replay stops there), or is cancelled by {@link #cancel()} (or by
 * cancelling the future itself).
 *
 * <p>Messages are published in recording order; at most {@code maxInFlight} publications await completion at
 * once. Paced at speed {@code s}, message {@code i} is published no earlier than
 * {@code start + (arrival[i] - arrival[0]) / s}; a
 * publisher slower than the recording makes the replay fall behind, and it then catches up without waiting.
 *
 * <p>Thread-safe. The publisher is called while this replay's lock is held (that is what keeps the order), so it
 * must not block.
 */
public final class Replay {
    /** What a finished replay did. */
    public record Result(int total, long published, Duration elapsed) {
    }

    private final List<ReceivedMessage> messages;
    /** How many times faster than recorded; 0 for as fast as possible. */
    private final double speed;
    private final Publisher publisher;
    private final ScheduledExecutorService scheduler;
    private final int maxInFlight;
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private long startNanos;
    private int next;
    private int inFlight;
    private long published;
    private ScheduledFuture<?> timer;
    private boolean pumpQueued;

    Replay(List<ReceivedMessage> messages, double speed, Publisher publisher, ScheduledExecutorService scheduler,
            int maxInFlight) {
        this.messages = messages;
        this.speed = speed;
        this.publisher = publisher;
        this.scheduler = scheduler;
        this.maxInFlight = maxInFlight;
        done.whenComplete((r, e) -> {
            if (e instanceof CancellationException) {
                stopTimer();
            }
        });
    }

    synchronized void start() {
        startNanos = System.nanoTime();
        if (messages.isEmpty()) {
            done.complete(new Result(0, 0, Duration.ZERO));
            return;
        }
        queuePump();
    }

    public CompletableFuture<Result> done() {
        return done;
    }

    public int total() {
        return messages.size();
    }

    /** Messages whose publication completed so far. */
    public synchronized long published() {
        return published;
    }

    /** Stops publishing; messages already handed to the publisher still go out. */
    public void cancel() {
        done.cancel(false);
    }

    public boolean isCancelled() {
        return done.isCancelled();
    }

    private synchronized void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private synchronized void queuePump() {
        if (!pumpQueued) {
            pumpQueued = true;
            scheduler.execute(this::pump);
        }
    }

    private synchronized void pump() {
        pumpQueued = false;
        stopTimer(); // recomputed below; never two timers
        while (!done.isDone() && next < messages.size() && inFlight < maxInFlight) {
            ReceivedMessage m = messages.get(next);
            if (speed > 0) {
                long offset = (long) (Duration.between(messages.get(0).arrival(), m.arrival()).toNanos() / speed);
                long wait = startNanos + offset - System.nanoTime();
                if (wait > 0) {
                    timer = scheduler.schedule(this::pump, wait, TimeUnit.NANOSECONDS);
                    return;
                }
            }
            int index = next++;
            inFlight++;
            CompletableFuture<Void> sent;
            try {
                sent = publisher.publish(m.topic(), m.payload(), m.qos(), m.retained());
                if (sent == null) {
                    sent = CompletableFuture.failedFuture(new IllegalStateException("the publisher returned null"));
                }
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((ok, error) -> completed(index, m, error));
        }
    }

    private synchronized void completed(int index, ReceivedMessage m, Throwable error) {
        inFlight--;
        if (done.isDone()) {
            return;
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            done.completeExceptionally(new ReplayException("Publishing message " + (index + 1) + " of "
                    + messages.size() + " (topic " + m.topic() + ") failed: " + cause.getMessage(), cause));
            stopTimer();
            return;
        }
        published++;
        if (published == messages.size()) {
            done.complete(new Result(messages.size(), published, Duration.ofNanos(System.nanoTime() - startNanos)));
        } else if (timer == null) {
            // Not inline: a publisher that completes synchronously would otherwise recurse once per message.
            queuePump();
        }
    }

    /** A replay stopped because a publication failed. */
    public static final class ReplayException extends RuntimeException {
        public ReplayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
