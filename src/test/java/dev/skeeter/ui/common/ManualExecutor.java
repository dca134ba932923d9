package dev.skeeter.ui.common;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/** An executor that only runs tasks when the test says so: stands in for the FX thread. Thread-safe. */
public final class ManualExecutor implements Executor {
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs what is queued, including what those tasks queue; returns how many ran. */
    public int runAll() {
        int n = 0;
        for (Runnable r; (r = tasks.poll()) != null; n++) {
            r.run();
        }
        return n;
    }

    public int queued() {
        return tasks.size();
    }
}
