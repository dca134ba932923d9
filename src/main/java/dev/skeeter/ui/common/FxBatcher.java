package dev.skeeter.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands items produced on any thread to the FX thread in batches. Thread-safe: {@link #offer} and {@link #poke}
 * may be called from any thread; the sink runs on the {@code fx} executor only.
 *
 * <p>At most one drain is in flight, and drains are paced to at most one per {@code minInterval}, so a flood
 * costs the FX thread a few batches a second instead of one task per item. The queue is bounded: what does not
 * fit is dropped and counted ({@link #dropped()}), so a flood cannot exhaust memory.
 */
public final class FxBatcher<T> {
    private static final ScheduledExecutorService PACER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skeeter-fx-batcher-pacer");
        t.setDaemon(true);
        return t;
    });

    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean poked = new AtomicBoolean();
    private final Executor fx;
    private final int capacity;
    private final long minIntervalNanos;
    private final Consumer<List<T>> sink;
    private volatile long lastDrainNanos = System.nanoTime() - Long.MAX_VALUE / 4;

    /** Unpaced: drains as soon as the FX executor runs the task (fine for trickles such as log lines). */
    public FxBatcher(Executor fx, int capacity, Consumer<List<T>> sink) {
        this(fx, capacity, Duration.ZERO, sink);
    }

    /**
     * @param fx          where the sink runs (Platform::runLater in the app, a direct or manual executor in tests)
     * @param capacity    most items waiting at once; further ones are dropped and counted
     * @param minInterval least time between two drains; {@link Duration#ZERO} drains as soon as possible
     * @param sink        receives every drained batch; an empty one only after a {@link #poke}; FX thread
     */
    public FxBatcher(Executor fx, int capacity, Duration minInterval, Consumer<List<T>> sink) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.fx = Objects.requireNonNull(fx);
        this.capacity = capacity;
        this.minIntervalNanos = minInterval.toNanos();
        this.sink = Objects.requireNonNull(sink);
    }

    /** Queues an item for the next batch; returns false (and counts it) when the queue is full. */
    public boolean offer(T item) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            schedule();
            return false;
        }
        pending.add(item);
        schedule();
        return true;
    }

    /** Asks for a drain without an item, e.g. so counters shown beside a paused table still move. */
    public void poke() {
        poked.set(true);
        schedule();
    }

    /** Items dropped because the queue was full, since creation. */
    public long dropped() {
        return dropped.get();
    }

    /** Items waiting for the next drain. */
    public int pending() {
        return size.get();
    }

    /** Discards what is waiting (e.g. on clear); returns how many items were discarded. */
    public int discardPending() {
        int n = 0;
        while (pending.poll() != null) {
            size.decrementAndGet();
            n++;
        }
        return n;
    }

    private void schedule() {
        if (!scheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastDrainNanos + minIntervalNanos - System.nanoTime();
        if (wait <= 0) {
            fx.execute(this::drain);
        } else {
            PACER.schedule(() -> fx.execute(this::drain), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        lastDrainNanos = System.nanoTime();
        // Cleared before polling: whatever is offered from now on schedules the next drain.
        scheduled.set(false);
        List<T> batch = new ArrayList<>(Math.min(size.get(), capacity));
        for (T t; (t = pending.poll()) != null; ) {
            size.decrementAndGet();
            batch.add(t);
        }
        if (poked.getAndSet(false) || !batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
