package dev.skeeter.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The executor for slow work the UI starts (connects, file I/O, port probes): daemon threads, never the FX one. */
public final class BackgroundExecutor {
    private BackgroundExecutor() {
    }

    public static ExecutorService create() {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "skeeter-ui-background-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
