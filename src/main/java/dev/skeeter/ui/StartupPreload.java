package dev.skeeter.ui;

import dev.skeeter.Logging;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.ProfileStore;
import java.util.concurrent.CompletableFuture;

/**
 * What the app reads before its first window (logging's configuration, the remembered state, the profiles, and with
 * them Jackson's costly first use), on a thread of its own started before the JavaFX toolkit, so that the two
 * start-ups run side by side instead of one after the other. The result is awaited in {@code Application.init},
 * on JavaFX's launcher thread, never on the FX thread. Thread-safe.
 */
final class StartupPreload {
    /** The stores the app opens with. */
    record Stores(AppStateStore state, ProfileStore profiles) {
    }

    private static CompletableFuture<Stores> started;

    private StartupPreload() {
    }

    /** Starts reading; called before {@code Application.launch}. */
    static synchronized void start() {
        if (started != null) {
            return;
        }
        CompletableFuture<Stores> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                Logging.install();
                result.complete(new Stores(AppStateStore.openDefault(), ProfileStore.openDefault()));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "skeeter-startup");
        reader.setDaemon(true);
        reader.start();
        started = result;
    }

    /** Waits for what {@link #start} reads (starting it if nobody did, as when a test launches the app). */
    static Stores await() {
        start();
        synchronized (StartupPreload.class) {
            return started.join();
        }
    }
}
