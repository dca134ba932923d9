package dev.skeeter.ui.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A bounded log with a minimum-level filter, copy and save. FX thread only; producers on other threads go
 * through an {@link dev.skeeter.ui.common.FxBatcher} and call {@link #addAll}.
 */
public final class LogViewModel {
    public static final int DEFAULT_CAPACITY = 5_000;

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visible = new FilteredList<>(entries);
    private final ObjectProperty<LogLevel> minimumLevel = new SimpleObjectProperty<>(this, "minimumLevel",
            LogLevel.INFO);
    private final int capacity;
    private final Executor background;

    public LogViewModel(int capacity, Executor background) {
        this.capacity = capacity;
        this.background = background;
        minimumLevel.addListener((obs, old, now) -> refilter());
        refilter();
    }

    public ObservableList<LogEntry> visibleEntries() {
        return visible;
    }

    public ObservableList<LogEntry> allEntries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public ObjectProperty<LogLevel> minimumLevelProperty() {
        return minimumLevel;
    }

    public void add(LogEntry entry) {
        addAll(List.of(entry));
    }

    /** Appends a batch, dropping the oldest lines past the capacity. */
    public void addAll(List<LogEntry> batch) {
        entries.addAll(batch);
        int excess = entries.size() - capacity;
        if (excess > 0) {
            entries.remove(0, excess);
        }
    }

    public void clear() {
        entries.clear();
    }

    /** The given lines as text for the clipboard, one per line. */
    public static String asText(List<LogEntry> lines) {
        return lines.stream().map(LogEntry::toLine).collect(Collectors.joining(System.lineSeparator(), "",
                lines.isEmpty() ? "" : System.lineSeparator()));
    }

    /** Writes the visible lines to a file on the background executor. */
    public CompletableFuture<Path> saveVisible(Path file) {
        String text = asText(List.copyOf(visible));
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background);
    }

    private void refilter() {
        LogLevel min = minimumLevel.get();
        visible.setPredicate(e -> e.level().compareTo(min) >= 0);
    }
}
