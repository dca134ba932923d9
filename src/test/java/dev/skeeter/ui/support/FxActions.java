package dev.skeeter.ui.support;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.testfx.api.FxToolkit;

/** Runs code on the FX thread and waits (with a timeout) for its answer. */
public final class FxActions {
    private FxActions() {
    }

    public static <T> T call(Callable<T> action) throws Exception {
        FxToolkit.registerPrimaryStage();
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, SECONDS);
    }

    public static void run(Runnable action) throws Exception {
        call(() -> {
            action.run();
            return null;
        });
    }
}
