package dev.skeeter.ui.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The Topics tab: the live topic tree on the left, the selected topic on the right, counters and caps below. Builds
 * nodes and binds; the rules live in {@link TopicsViewModel}. FX thread only.
 */
public final class TopicsView {
    private final TopicsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TreeTableView<TopicNode> table = new TreeTableView<>();
    private final TopicTreeItems items;
    private final List<TopicCell> liveCells = new ArrayList<>();
    private final Node detail;

    public TopicsView(TopicsViewModel vm, Node detail) {
        this.vm = vm;
        this.detail = detail;
        this.items = new TopicTreeItems(vm.tree());
        createView();
        initListeners();
    }

    /** With the selected topic's detail: the Subscribe pane's viewers, history, diff, chart, retained deletion. */
    public static TopicsView withDetail(TopicsViewModel vm, TopicDetailViewModel detail, Executor background) {
        return new TopicsView(vm, new TopicDetailView(detail, background).root());
    }

    public Node root() {
        return root;
    }

    private void createView() {
        root.setId("topics-pane");
        ToggleButton all = new ToggleButton("Subscribe #");
        all.setId("topics-subscribe-all");
        all.setTooltip(new Tooltip("Subscribe to every topic (#) for this tab; the tree also shows what the"
                + " Subscribe pane's subscriptions bring in"));
        all.selectedProperty().bindBidirectional(vm.subscribeAllProperty());
        ToggleButton sys = new ToggleButton("Also $SYS/#");
        sys.setId("topics-subscribe-sys");
        sys.setTooltip(new Tooltip("# does not match $SYS topics: subscribe to $SYS/# as well"));
        sys.selectedProperty().bindBidirectional(vm.subscribeSysProperty());
        TextField filter = new TextField();
        filter.setId("topic-filter");
        filter.setPromptText("Filter topics");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button expand = new Button("Expand all");
        expand.setId("topics-expand");
        expand.setOnAction(e -> expandSelectedOrAll());
        Button collapse = new Button("Collapse all");
        collapse.setId("topics-collapse");
        collapse.setOnAction(e -> items.collapseAll(items.root()));
        Button clear = new Button("Clear");
        clear.setId("topics-clear");
        clear.setTooltip(new Tooltip("Forget every topic and count"));
        clear.setOnAction(e -> vm.clear());
        HBox toolbar = new HBox(6, all, sys, filter, expand, collapse, clear);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 6, 4, 6));
        toolbar.getStyleClass().add("topics-toolbar");

        table.setId("topic-tree");
        table.setShowRoot(false);
        table.setRoot(items.root());
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Topic", TopicCell.Kind.NAME, 220));
        table.getColumns().add(column("Messages", TopicCell.Kind.COUNT, 80));
        table.getColumns().add(column("Value", TopicCell.Kind.VALUE, 200));
        table.getColumns().add(column("Time", TopicCell.Kind.TIME, 70));
        table.setPlaceholder(new Label("No topics yet: subscribe # above, or in the Subscribe pane"));
        table.setContextMenu(contextMenu());

        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.55);
        SplitPane.setResizableWithParent(detail, false);

        Label counts = new Label();
        counts.setId("topics-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                        "%,d topic levels · %,d messages · %,d not kept (topic cap) · %,d dropped (queue)",
                        vm.nodesProperty().get(), vm.messagesProperty().get(), vm.notKeptProperty().get(),
                        vm.droppedProperty().get()),
                vm.nodesProperty(), vm.messagesProperty(), vm.notKeptProperty(), vm.droppedProperty()));
        Spinner<Integer> maxNodes = spinner("topics-max-nodes", 1, 10_000_000, 10_000, vm.maxNodesProperty());
        maxNodes.setTooltip(new Tooltip("Most topic levels kept; messages on further topics are counted, not kept"));
        Spinner<Integer> history = spinner("topics-history", 1, 1_000, 1, vm.historyPerNodeProperty());
        history.setTooltip(new Tooltip("Payloads kept per topic for its history, diff and chart"));
        Label status = new Label();
        status.setId("topics-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        Region gap = new Region();
        HBox footer = new HBox(8, counts, status, gap, new Label("Max topics"), maxNodes, new Label("History"),
                history);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("status-bar");
        counts.setMinWidth(Region.USE_PREF_SIZE);

        root.setTop(toolbar);
        root.setCenter(split);
        root.setBottom(footer);
    }

    private void initListeners() {
        vm.onBatch(created -> {
            if (created == null) {
                items.created(null);
                table.setRoot(items.root());
            } else {
                items.created(created);
            }
            refreshCells();
        });
        vm.filterTextProperty().addListener((o, was, now) -> {
            int matched = items.setFilter(now);
            table.setRoot(items.root());
            vm.setStatus(now == null || now.isBlank() ? "" : String.format(Locale.ROOT, "%,d topics match", matched));
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                vm.selectedProperty().set(now == null ? null : now.getValue()));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e)) {
                copySelectedTopic();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                e.consume();
            }
        });
        // Highlights fade without new messages too.
        Timeline fade = new Timeline(new KeyFrame(Duration.millis(250), e -> refreshCells()));
        fade.setCycleCount(Timeline.INDEFINITE);
        fade.play();
    }

    private void refreshCells() {
        long now = System.nanoTime();
        for (TopicCell cell : liveCells) {
            cell.refresh(now);
        }
    }

    private TreeTableColumn<TopicNode, TopicNode> column(String title, TopicCell.Kind kind, double width) {
        TreeTableColumn<TopicNode, TopicNode> c = new TreeTableColumn<>(title);
        c.setId("topics-column-" + kind.name().toLowerCase(Locale.ROOT));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue().getValue()));
        c.setCellFactory(col -> new TopicCell(kind, liveCells));
        return c;
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy topic");
        copy.setId("topics-copy");
        copy.setAccelerator(KeyCombination.keyCombination("Shortcut+C"));
        copy.setOnAction(e -> copySelectedTopic());
        MenuItem expand = new MenuItem("Expand all below");
        expand.setOnAction(e -> expandSelectedOrAll());
        MenuItem collapse = new MenuItem("Collapse all below");
        collapse.setOnAction(e -> {
            TreeItem<TopicNode> item = table.getSelectionModel().getSelectedItem();
            items.collapseAll(item == null ? items.root() : item);
        });
        return new ContextMenu(copy, new SeparatorMenuItem(), expand, collapse);
    }

    private void expandSelectedOrAll() {
        TreeItem<TopicNode> item = table.getSelectionModel().getSelectedItem();
        int opened = items.expandAll(item == null ? items.root() : item, TopicTreeItems.EXPAND_LIMIT);
        if (opened >= TopicTreeItems.EXPAND_LIMIT) {
            vm.setStatus(String.format(Locale.ROOT, "Expanded the first %,d levels; filter to see the rest", opened));
        }
    }

    private void copySelectedTopic() {
        TopicNode node = vm.selectedProperty().get();
        if (node != null && !node.isRoot()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(node.topic());
            Clipboard.getSystemClipboard().setContent(content);
            vm.setStatus("Copied " + node.topic());
        }
    }

    /** Selects {@code topic}'s node, opening the levels above it; false when it is not in the tree (or hidden). */
    public boolean select(String topic) {
        TopicNode node = vm.tree().find(topic);
        TreeItem<TopicNode> item = node == null ? null : items.reveal(node);
        if (item == null) {
            return false;
        }
        table.getSelectionModel().select(item);
        int row = table.getRow(item);
        if (row >= 0) {
            table.scrollTo(row);
        }
        return true;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int step,
            javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(min, max, value.get(), step);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(110);
        s.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }
}
