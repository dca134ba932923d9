package dev.skeeter.ui.common;

import dev.skeeter.profiles.AppState;
import dev.skeeter.profiles.AppStateStore;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Applies changes to the app state and writes them off the FX thread. A failed write is reported through
 * {@code onFailure} on the FX executor; the state in memory keeps the change either way.
 */
public final class StateSaver {
    private final AppStateStore state;
    private final Executor background;
    private final Executor fx;
    private final Consumer<String> onFailure;

    public StateSaver(AppStateStore state, Executor background, Executor fx, Consumer<String> onFailure) {
        this.state = state;
        this.background = background;
        this.fx = fx;
        this.onFailure = onFailure;
    }

    public void save(UnaryOperator<AppState> change) {
        background.execute(() -> {
            try {
                state.update(change);
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> onFailure.accept("Could not save to " + state.file() + ": " + e.getMessage()));
            }
        });
    }
}
