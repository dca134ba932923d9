package dev.skeeter.profiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The app's remembered state ({@link AppState}) in {@code state.json}, under {@link JsonFileStore}'s rules: an
 * unparsable or newer file is left alone and the app runs with defaults.
 *
 * <p>Thread-safe. Saving does file I/O: call it off the FX thread.
 */
public final class AppStateStore {
    private final JsonFileStore<AppState> store;
    private AppState state;
    private boolean readOnly;
    private Optional<String> problem;

    private AppStateStore(Path file) {
        store = new JsonFileStore<>(file, AppState.class, AppState.SCHEMA_VERSION, AppState::empty);
        JsonFileStore.Loaded<AppState> loaded = store.load();
        state = loaded.value();
        readOnly = loaded.readOnly();
        problem = loaded.problem();
    }

    public static AppStateStore open(Path file) {
        return new AppStateStore(file);
    }

    /** Opens {@link ConfigDirectories#stateFile()}. */
    public static AppStateStore openDefault() {
        return open(ConfigDirectories.stateFile());
    }

    public Path file() {
        return store.file();
    }

    public synchronized AppState state() {
        return state;
    }

    public synchronized boolean isReadOnly() {
        return readOnly;
    }

    public synchronized Optional<String> problem() {
        return problem;
    }

    /**
     * Makes {@code next} the current state and writes it. The state changes in memory even when writing fails
     * (or the file is read-only), so the running app keeps what the user did.
     */
    public synchronized void save(AppState next) throws IOException {
        state = Objects.requireNonNull(next, "next");
        store.save(next);
    }

    /** Applies {@code change} to the current state and writes the result; returns it. */
    public synchronized AppState update(UnaryOperator<AppState> change) throws IOException {
        AppState next = change.apply(state);
        save(next);
        return next;
    }
}
