package dev.skeeter.ui;

import dev.skeeter.profiles.AppState;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.ui.common.SerialExecutor;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the window (size, position, split positions), open workspaces, last profile and theme in the client
 * core's {@link AppStateStore}. Writes go to the background in order. FX thread only.
 */
final class StateKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(StateKeeper.class);

    private final AppStateStore store;
    private final Executor writes;

    StateKeeper(AppStateStore store, Executor background) {
        this.store = store;
        this.writes = new SerialExecutor(background);
    }

    AppState state() {
        return store.state();
    }

    void update(UnaryOperator<AppState> change) {
        writes.execute(() -> write(change));
    }

    /** Writes now, on the caller's thread: only for shutdown, when a background write could be cut off. */
    void updateNow(UnaryOperator<AppState> change) {
        write(change);
    }

    void restoreWindow(Stage stage, SplitPane split) {
        AppState.WindowLayout w = store.state().window();
        // never larger than the screen: the default 1200x800 would hang off a 1024x640 display
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(w.width(), screen.getWidth()));
        stage.setHeight(Math.min(w.height(), screen.getHeight()));
        if (w.hasPosition() && onSomeScreen(w.x(), w.y())) {
            stage.setX(w.x());
            stage.setY(w.y());
        } else {
            stage.setX(screen.getMinX() + (screen.getWidth() - stage.getWidth()) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - stage.getHeight()) / 2);
        }
        stage.setMaximized(w.maximized());
        List<Double> positions = w.dividerPositions().get(split.getId());
        if (positions != null && !positions.isEmpty()) {
            split.setDividerPositions(positions.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** The window as it is now; the panes' remembered dividers in {@code previous} are kept. */
    static AppState.WindowLayout capture(Stage stage, SplitPane split, AppState.WindowLayout previous) {
        List<Double> positions = Arrays.stream(split.getDividerPositions()).boxed().toList();
        if (split.getItems().size() < 2) {
            positions = List.of(); // the profile list is hidden: keep the remembered position
        }
        return new AppState.WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), previous.dividerPositions()).withDividers(split.getId(), positions);
    }

    private void write(UnaryOperator<AppState> change) {
        try {
            store.update(change);
        } catch (IOException e) {
            // the store keeps the state in memory; the user loses nothing in this run
            LOG.warn("Could not save the app state to {}: {}", store.file(), e.getMessage());
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        return !Screen.getScreensForRectangle(x, y, 50, 50).isEmpty();
    }
}
