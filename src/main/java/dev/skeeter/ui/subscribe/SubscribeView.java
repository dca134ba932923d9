package dev.skeeter.ui.subscribe;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import dev.skeeter.ui.common.Dividers;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Subscribe pane: subscriptions on the left; toolbar, message table and detail pane on the right. Builds
 * nodes and binds them to {@link SubscribeViewModel}; no rules live here. FX thread only.
 */
public final class SubscribeView {
    static final String STYLESHEET = Objects.requireNonNull(SubscribeView.class.getResource("subscribe.css"))
            .toExternalForm();
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final SubscribeViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<MessageRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final MessageDetailView detail;

    public SubscribeView(SubscribeViewModel vm) {
        this.vm = vm;
        this.detail = new MessageDetailView(vm.detail(), vm.background());
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        root.setId("subscribe-pane");
        root.getStyleClass().add("subscribe-pane");
        root.getStylesheets().add(STYLESHEET);
        SplitPane messages = new SplitPane(createTable(), detail.root());
        messages.setOrientation(Orientation.VERTICAL);
        Dividers.remember(messages, "messages-split", new double[] {0.5}, vm::dividers, vm::rememberDividers);
        BorderPane right = new BorderPane(messages);
        right.setTop(createToolbar());
        SplitPane main = new SplitPane(createSubscriptions(), right);
        // the subscriptions column takes what its rows need; the messages get the rest
        Dividers.remember(main, "subscribe-split", new double[] {0.27}, vm::dividers, vm::rememberDividers);
        SplitPane.setResizableWithParent(main.getItems().get(0), false);
        root.setCenter(main);
    }

    private Node createSubscriptions() {
        TextField filter = new TextField();
        filter.setId("subscribe-filter");
        filter.setPromptText("Topic filter, e.g. sensors/+/temperature or #");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        filter.setOnAction(e -> vm.addSubscription());
        TextFields.bindAutoCompletion(filter, request -> vm.topicsSeen().suggest(request.getUserText(), 15));
        ChoiceBox<Integer> qos = new ChoiceBox<>();
        qos.setId("subscribe-qos");
        qos.getItems().setAll(0, 1, 2);
        qos.setValue(vm.filterQosProperty().get());
        qos.valueProperty().addListener((obs, was, now) -> vm.filterQosProperty().set(now));
        vm.filterQosProperty().addListener((obs, was, now) -> qos.setValue(now.intValue()));
        qos.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer q) {
                return q == null ? "" : "QoS " + q;
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("QoS ", ""));
            }
        });
        Button add = new Button("Subscribe");
        add.setId("subscribe-button");
        add.setDefaultButton(false);
        add.setOnAction(e -> vm.addSubscription());
        filter.setMaxWidth(Double.MAX_VALUE);
        Region formSpacer = new Region();
        HBox.setHgrow(formSpacer, Priority.ALWAYS);
        HBox formButtons = new HBox(6, qos, formSpacer, add);
        formButtons.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, filter, formButtons);
        Label error = new Label();
        error.setId("subscribe-error");
        error.getStyleClass().add("form-error");
        error.textProperty().bind(vm.filterErrorProperty());
        error.visibleProperty().bind(vm.filterErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);

        ListView<SubscriptionItem> list = new ListView<>(vm.subscriptions());
        list.setId("subscriptions");
        list.setCellFactory(v -> new SubscriptionCell(vm::unsubscribe));
        list.setPlaceholder(new Label("No subscriptions yet"));
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label("Subscriptions");
        title.getStyleClass().add("pane-title");
        VBox box = new VBox(6, title, form, error, list);
        box.setPadding(new Insets(6));
        box.setMinWidth(200);
        return box;
    }

    private Node createToolbar() {
        search.setId("search");
        search.setPromptText("Search (Ctrl+F)");
        search.setTooltip(new Tooltip("Text matches topics and payloads; a filter with + or # matches topics"));
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        ChoiceBox<MessageSearch.Scope> scope = new ChoiceBox<>();
        scope.setId("search-scope");
        scope.getItems().setAll(MessageSearch.Scope.values());
        scope.valueProperty().bindBidirectional(vm.searchScopeProperty());
        scope.setPrefWidth(135);
        scope.setTooltip(new Tooltip("Where the search looks"));
        ToggleButton pause = new ToggleButton();
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("follow");
        follow.setTooltip(new Tooltip("Keep the newest message in view"));
        follow.selectedProperty().bindBidirectional(vm.followNewestProperty());
        Button clear = new Button("Clear");
        clear.setId("clear");
        clear.setOnAction(e -> vm.clear());
        MenuButton export = new MenuButton("Export");
        export.setId("export");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem all = new MenuItem("Shown messages as " + format);
            all.setId("export-shown-" + format.name().toLowerCase(java.util.Locale.ROOT));
            all.setOnAction(e -> vm.exportShown(format));
            MenuItem selected = new MenuItem("Selected messages as " + format);
            selected.setId("export-selected-" + format.name().toLowerCase(java.util.Locale.ROOT));
            selected.setOnAction(e -> vm.export(List.copyOf(table.getSelectionModel().getSelectedItems()), format));
            export.getItems().addAll(all, selected);
        }
        export.getItems().add(2, new SeparatorMenuItem());
        ChoiceBox<Integer> maxRows = new ChoiceBox<>();
        maxRows.setId("max-rows");
        maxRows.getItems().setAll(1_000, 10_000, 50_000, 100_000);
        if (!maxRows.getItems().contains(vm.table().maxRowsProperty().get())) {
            maxRows.getItems().add(vm.table().maxRowsProperty().get());
        }
        maxRows.setValue(vm.table().maxRowsProperty().get());
        maxRows.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer rows) {
                return rows == null ? "" : String.format("%,d rows", rows);
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replaceAll("[^0-9]", ""));
            }
        });
        maxRows.valueProperty().addListener((obs, was, now) -> vm.table().maxRowsProperty().set(now));
        maxRows.setTooltip(new Tooltip("How many of the newest messages the table keeps"));
        maxRows.getStyleClass().add("compact-choice");
        Label paused = new Label("Paused: new messages are counted, not shown");
        paused.setId("paused-indicator");
        paused.getStyleClass().add("paused-indicator");
        paused.visibleProperty().bind(vm.pausedProperty());
        paused.managedProperty().bind(paused.visibleProperty());
        Label counters = new Label();
        counters.setId("counters");
        counters.getStyleClass().add("counters");
        counters.textProperty().bind(Bindings.createStringBinding(this::countersText, vm.receivedProperty(),
                vm.shownProperty(), vm.trimmedProperty(), vm.droppedProperty(), vm.skippedWhilePausedProperty(),
                vm.mutedProperty(), vm.clearedProperty()));
        Label status = new Label();
        status.setId("subscribe-status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(vm.statusProperty());
        // Two compact lines that fit a 1024x640 window with the profile list shown (about 600 px for this
        // toolbar): search, scope and the actions; then, smaller, the counters, the pause note, the status and
        // Keep. What does not fit wraps onto another line instead of being cut off.
        search.setPrefColumnCount(10);
        search.setMinWidth(Region.USE_PREF_SIZE);
        HBox searchBox = new HBox(6, search, scope);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(6, pause, follow, clear, export);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (HBox box : List.of(searchBox, actions)) {
            box.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
            box.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane row1 = new FlowPane(6, 4, searchBox, actions);
        row1.setId("subscribe-toolbar-actions");
        row1.setAlignment(Pos.CENTER_LEFT);
        counters.setMinWidth(0);
        counters.setWrapText(true);
        Label keep = new Label("Keep");
        keep.getStyleClass().add("counters");
        HBox keepBox = new HBox(4, keep, maxRows);
        keepBox.setAlignment(Pos.CENTER_LEFT);
        keepBox.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane row2 = new FlowPane(10, 0, counters, paused, status, keepBox);
        row2.setId("subscribe-toolbar-status");
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(1, row1, row2);
        bar.setMinWidth(0);
        bar.setPadding(new Insets(3, 6, 1, 6));
        bar.getStyleClass().add("subscribe-toolbar");
        return bar;
    }

    private String countersText() {
        String text = String.format("%,d received · %,d shown · %,d trimmed", vm.receivedProperty().get(),
                vm.shownProperty().get(), vm.trimmedProperty().get());
        if (vm.droppedProperty().get() > 0) {
            text += String.format(" · %,d dropped (too fast)", vm.droppedProperty().get());
        }
        if (vm.skippedWhilePausedProperty().get() > 0) {
            text += String.format(" · %,d while paused", vm.skippedWhilePausedProperty().get());
        }
        if (vm.mutedProperty().get() > 0) {
            text += String.format(" · %,d muted", vm.mutedProperty().get());
        }
        return text;
    }

    private Node createTable() {
        table.setId("messages");
        table.getStyleClass().add("dense");
        table.setItems(vm.table().visibleRows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No messages yet: subscribe to a filter on the left"));
        TableColumn<MessageRow, MessageRow> colour = new TableColumn<>("");
        colour.setId("column-colour");
        colour.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        colour.setCellFactory(c -> new ColourCell());
        colour.setPrefWidth(16);
        colour.setMinWidth(16);
        colour.setMaxWidth(16);
        colour.setResizable(false);
        table.getColumns().add(colour);
        table.getColumns().add(column("Time", "column-time", 112, MessageRow::time));
        TableColumn<MessageRow, String> topic = column("Topic", "column-topic", 260, MessageRow::topic);
        topic.setMinWidth(150);
        table.getColumns().add(topic);
        table.getColumns().add(column("QoS", "column-qos", 52, r -> Integer.toString(r.message().qos())));
        table.getColumns().add(column("Retain", "column-retain", 68, r -> r.message().retained() ? "R" : ""));
        table.getColumns().add(column("Size", "column-size", 70, r -> PayloadRenderer.sizeText(r.size())));
        TableColumn<MessageRow, String> preview = column("Payload", "column-payload", 240, MessageRow::preview);
        table.getColumns().add(preview);
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setFixedCellSize(22); // dense rows: eight fit a 1024x640 window with the viewer below
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableWarmUp.install(table);
        return table;
    }

    private static TableColumn<MessageRow, String> column(String title, String id, double width,
                                                          Function<MessageRow, String> value) {
        TableColumn<MessageRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        if (width < 200) {
            column.setMinWidth(width);
        }
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private void initListeners() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            vm.detail().rowProperty().set(now);
            if (now != null) {
                vm.followNewestProperty().set(false);
            }
        });
        table.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                vm.followNewestProperty().set(false); // the user looks back: stop following
            }
        });
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (isOnScrollBar(e.getTarget())) {
                vm.followNewestProperty().set(false);
            }
        });
        // Once per batch, not per message.
        vm.batchesProperty().addListener((obs, was, now) -> scrollToNewest());
        vm.followNewestProperty().addListener((obs, was, now) -> {
            if (now) {
                table.getSelectionModel().clearSelection();
                scrollToNewest();
            }
        });
        vm.subscriptions().addListener((javafx.collections.ListChangeListener<SubscriptionItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(s -> s.colourProperty().addListener((o, w, n) -> table.refresh()));
            }
        });
    }

    private void scrollToNewest() {
        int n = table.getItems().size();
        if (vm.followNewestProperty().get() && n > 0 && table.getSelectionModel().isEmpty()) {
            table.scrollTo(n - 1);
        }
    }

    private static boolean isOnScrollBar(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof ScrollBar) {
                return true;
            }
        }
        return false;
    }

    /** The colour of the subscription the row matched. */
    private static final class ColourCell extends TableCell<MessageRow, MessageRow> {
        private final Region swatch = new Region();

        ColourCell() {
            swatch.getStyleClass().add("row-colour");
            swatch.setMinSize(8, 14);
            swatch.setMaxSize(8, 14);
        }

        @Override
        protected void updateItem(MessageRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || row.subscription() == null) {
                setGraphic(null);
                return;
            }
            swatch.setBackground(new Background(new BackgroundFill(
                    Color.web(row.subscription().colourProperty().get()), null, null)));
            setGraphic(swatch);
        }
    }
}
