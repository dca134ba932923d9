package dev.skeeter.ui.log;

import dev.skeeter.ui.common.FileChooserService;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.StringConverter;

/** A log table (time, level, text) with a level filter, copy and save. FX thread only. */
public final class LogView {
    private final LogViewModel model;
    private final FileChooserService files;
    private final BorderPane root = new BorderPane();
    private final TableView<LogEntry> table = new TableView<>();
    private final Label status = new Label();

    public LogView(LogViewModel model, FileChooserService files, String idPrefix) {
        this.model = model;
        this.files = files;
        root.setId(idPrefix + "-log");
        table.setId(idPrefix + "-log-table");
        createView(idPrefix);
    }

    public Node root() {
        return root;
    }

    private void createView(String idPrefix) {
        TableColumn<LogEntry, String> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().timeText()));
        time.setPrefWidth(118);
        time.setMinWidth(110);
        TableColumn<LogEntry, LogLevel> level = new TableColumn<>("Level");
        level.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue().level()));
        level.setCellFactory(c -> new LevelCell());
        level.setPrefWidth(70);
        TableColumn<LogEntry, String> text = new TableColumn<>("Event");
        text.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
        text.prefWidthProperty().bind(table.widthProperty().subtract(time.widthProperty())
                .subtract(level.widthProperty()).subtract(20));
        table.getColumns().setAll(List.of(time, level, text));
        table.setItems(model.visibleEntries());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No events yet"));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e)) {
                copySelection();
                e.consume();
            }
        });
        // follow the newest line unless the user is looking at a selection
        model.visibleEntries().addListener((ListChangeListener<LogEntry>) c -> {
            if (table.getSelectionModel().isEmpty() && !model.visibleEntries().isEmpty()) {
                table.scrollTo(model.visibleEntries().size() - 1);
            }
        });

        ChoiceBox<LogLevel> filter = new ChoiceBox<>();
        filter.setId(idPrefix + "-log-level");
        filter.getItems().setAll(LogLevel.values());
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogLevel l) {
                return l == null ? "" : switch (l) {
                    case INFO -> "All levels";
                    case WARN -> "Warnings and errors";
                    case ERROR -> "Errors only";
                };
            }

            @Override
            public LogLevel fromString(String s) {
                return null;
            }
        });
        filter.valueProperty().bindBidirectional(model.minimumLevelProperty());
        Button copy = new Button("Copy");
        copy.setId(idPrefix + "-log-copy");
        copy.setOnAction(e -> copySelection());
        Button save = new Button("Save…");
        save.setId(idPrefix + "-log-save");
        save.setOnAction(e -> save());
        Button clear = new Button("Clear");
        clear.setId(idPrefix + "-log-clear");
        clear.setOnAction(e -> model.clear());
        status.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Show"), filter, spacer, status, copy, save, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        root.setTop(bar);
        root.setCenter(table);
    }

    /** Copies the selected lines, or all visible ones when nothing is selected. */
    private void copySelection() {
        List<LogEntry> lines = table.getSelectionModel().isEmpty()
                ? List.copyOf(model.visibleEntries()) : List.copyOf(table.getSelectionModel().getSelectedItems());
        ClipboardContent content = new ClipboardContent();
        content.putString(LogViewModel.asText(lines));
        Clipboard.getSystemClipboard().setContent(content);
        status.setText(lines.size() + " lines copied");
    }

    private void save() {
        files.save("Save log", "skeeter-log.txt", "*.txt", "*.log")
                .ifPresent(path -> model.saveVisible(path).whenComplete((p, error) -> javafx.application.Platform
                        .runLater(() -> status.setText(error == null ? "Saved to " + p.getFileName()
                                : "Could not save: " + error.getCause().getMessage()))));
    }

    private static final class LevelCell extends TableCell<LogEntry, LogLevel> {
        @Override
        protected void updateItem(LogLevel item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("log-level-warn", "log-level-error");
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.name());
            if (item != LogLevel.INFO) {
                getStyleClass().add(item == LogLevel.WARN ? "log-level-warn" : "log-level-error");
            }
        }
    }
}
