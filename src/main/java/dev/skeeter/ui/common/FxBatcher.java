package dev.skeeter.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands items produced on any thread to the FX thread in batches, with at most one task in flight on the FX
 * executor. Thread-safe on the producing side; the sink runs on the FX executor. Pending items are bounded: what
 * does not fit is dropped and counted, so a flood cannot exhaust memory.
 */
public final class FxBatcher<T> {
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;
    private final Executor fx;
    private final Consumer<List<T>> sink;

    public FxBatcher(Executor fx, int capacity, Consumer<List<T>> sink) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.fx = fx;
        this.capacity = capacity;
        this.sink = sink;
    }

    /** Queues an item; never blocks. Returns false (and counts it) when the queue is full. */
    public boolean offer(T item) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
        }
        return true;
    }

    /** Items refused because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    private void drain() {
        scheduled.set(false); // first: items offered during the drain schedule the next one
        List<T> batch = new ArrayList<>();
        for (T t; (t = pending.poll()) != null; ) {
            size.decrementAndGet();
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
