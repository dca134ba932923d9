package dev.skeeter.ui;

import dev.skeeter.profiles.AppState;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import dev.skeeter.ui.localbroker.LocalBrokerViewModel;
import dev.skeeter.ui.profiles.ProfilesModel;
import dev.skeeter.ui.theme.OsDarkMode;
import dev.skeeter.ui.theme.Theme;
import dev.skeeter.ui.theme.ThemeManager;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Builds the main window from its services, restores what the last run left, and keeps it. FX thread only. */
public final class Shell {
    private final AppServices services;
    private final ThemeManager themes;
    private final MainViewModel model;
    private final LocalBrokerViewModel localBroker;
    private final StateKeeper state;
    private MainWindow window;
    private boolean followingOs;
    private Stage stage;

    public Shell(AppServices services, ThemeManager themes) {
        this.services = services;
        this.themes = themes;
        Executor fx = Platform::runLater;
        this.state = new StateKeeper(services.stateStore(), services.background());
        ProfilesModel profiles = new ProfilesModel(services.profileStore(), fx, services.background());
        this.model = new MainViewModel(profiles, services.connections(),
                new LocalBrokerConnector(services.localBroker(), services.background()), fx, services.background());
        this.localBroker = new LocalBrokerViewModel(services.localBroker(), fx, services.background());
    }

    /** The theme a run starts with: the remembered one, else light until the OS answers (see {@link #show}). */
    public static Theme rememberedTheme(AppState state) {
        if (state.theme() == null) {
            return Theme.LIGHT;
        }
        return state.theme().toLowerCase(Locale.ROOT).equals("dark") ? Theme.DARK : Theme.LIGHT;
    }

    public void show(Stage stage) {
        this.stage = stage;
        window = new MainWindow(model, localBroker, services, themes, stage);
        // sized by the stage (restoreWindow), so the split's first layout uses the real width
        Scene scene = new Scene(window.root());
        themes.register(scene);
        stage.setTitle(SkeeterApp.TITLE);
        stage.setScene(scene);
        AppState remembered = state.state();
        state.restoreWindow(stage, window.mainSplit());
        model.restore(remembered.openWorkspaces(), remembered.lastProfileId());
        if (remembered.theme() == null) {
            // reading the OS setting runs a process: never on the FX thread
            CompletableFuture.supplyAsync(OsDarkMode::detect, services.background())
                    .thenAccept(theme -> Platform.runLater(() -> {
                        followingOs = true; // the OS chose, not the user: nothing to remember
                        themes.themeProperty().set(theme);
                        followingOs = false;
                    }));
        }
        keepState();
        stage.show();
    }

    public MainViewModel model() {
        return model;
    }

    public MainWindow window() {
        return window;
    }

    public LocalBrokerViewModel localBroker() {
        return localBroker;
    }

    /** Saves the window, closes connections and stops the local broker without waiting long. */
    public void shutdown() {
        if (stage != null && window != null) {
            var open = model.openProfileIds();
            state.updateNow(s -> s.withWindow(StateKeeper.capture(stage, window.mainSplit(), s.window()))
                    .withOpenWorkspaces(open));
        }
        for (var w : java.util.List.copyOf(model.workspaces())) {
            w.close(services.background());
        }
        services.localBroker().stop();
    }

    private void keepState() {
        model.workspaces().addListener((ListChangeListener<Object>) c -> {
            var open = model.openProfileIds();
            state.update(s -> s.withOpenWorkspaces(open));
        });
        model.selectedProfileProperty().addListener((obs, old, now) -> {
            if (now != null) {
                state.update(s -> s.withLastProfileId(now.id()));
            }
        });
        themes.themeProperty().addListener((obs, old, now) -> {
            if (followingOs) {
                return;
            }
            String name = now.name().toLowerCase(Locale.ROOT);
            state.update(s -> s.withTheme(name));
        });
        stage.setOnCloseRequest(e -> {
            var layout = StateKeeper.capture(stage, window.mainSplit(), AppState.WindowLayout.DEFAULT);
            state.update(s -> s.withWindow(new AppState.WindowLayout(layout.x(), layout.y(), layout.width(),
                    layout.height(), layout.maximized(), s.window().dividerPositions())
                    .withDividers(window.mainSplit().getId(), layout.dividerPositions()
                            .get(window.mainSplit().getId()))));
        });
    }
}
