package dev.skeeter.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Runs tasks one after another, in submission order, on a shared executor (e.g. so saves never reorder). */
public final class SerialExecutor implements Executor {
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Executor executor;
    private Runnable active;

    public SerialExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            try {
                executor.execute(active);
            } catch (RejectedExecutionException e) {
                // the executor is shutting down with the app: what is still queued cannot run any more
                tasks.clear();
                active = null;
            }
        }
    }
}
