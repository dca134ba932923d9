package dev.skeeter.ui.status;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Broker Status tab: the schema recognised, summary cards, live charts over a chosen window, the raw
 * {@code $SYS} tree, and the words for a refused or silent {@code $SYS}. Builds nodes and binds; the rules live in
 * {@link BrokerStatusViewModel}. FX thread only.
 */
public final class BrokerStatusView {
    static final String STYLESHEET = Objects.requireNonNull(BrokerStatusView.class.getResource("status.css"))
            .toExternalForm();

    private final BrokerStatusViewModel model;
    private final BorderPane root = new BorderPane();
    private final List<TimeChart> charts = new ArrayList<>();
    private final GridPane chartGrid = new GridPane();
    private final SysTreeTable tree;
    private final BooleanProperty showing = new SimpleBooleanProperty(true);

    public BrokerStatusView(BrokerStatusViewModel model) {
        this.model = model;
        this.tree = new SysTreeTable(model.model(), model::chart);
        root.setId("broker-status");
        root.getStyleClass().add("broker-status");
        root.getStylesheets().add(STYLESHEET);
        root.setTop(new VBox(createToolbar(), createProblem(), createCards()));
        root.setCenter(createCenter());
        model.revisionProperty().addListener(o -> redraw());
        model.windowProperty().addListener(o -> redraw());
        model.chartedTopics().addListener((javafx.collections.ListChangeListener<String>) c -> layoutCharts());
        showing.addListener((obs, was, now) -> redraw());
        layoutCharts();
    }

    public Node root() {
        return root;
    }

    /** Whether the tab is on screen: charts are not drawn while it is not. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private Node createToolbar() {
        Label schema = new Label();
        schema.setId("status-schema");
        schema.textProperty().bind(Bindings.concat("Recognised: ", model.schemaProperty()));
        schema.setMinWidth(0);
        ComboBox<String> node = new ComboBox<>(model.nodes());
        node.setId("status-node");
        node.valueProperty().bindBidirectional(model.selectedNodeProperty());
        node.visibleProperty().bind(Bindings.size(model.nodes()).greaterThan(1));
        node.managedProperty().bind(node.visibleProperty());
        node.setTooltip(new Tooltip("The cluster node whose values the cards and charts show"));
        ChoiceBox<ChartWindow> window = new ChoiceBox<>();
        window.setId("status-window");
        window.getItems().setAll(ChartWindow.values());
        window.valueProperty().bindBidirectional(model.windowProperty());
        window.setTooltip(new Tooltip("The time the charts span"));
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("status-pause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(Bindings.when(pause.selectedProperty()).then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Freeze the cards and charts; data keeps being collected"));
        Button csv = new Button("Export CSV…");
        csv.setId("status-export-csv");
        csv.setOnAction(e -> model.exportCsv());
        MenuButton overlay = new MenuButton("Overlay");
        overlay.setId("status-overlay");
        overlay.setTooltip(new Tooltip("Draw another connection's broker on these charts"));
        overlay.setOnShowing(e -> fillOverlayMenu(overlay));
        overlay.getItems().add(new javafx.scene.control.MenuItem("(no other Broker Status open)"));
        Button detach = new Button("Open in window");
        detach.setId("status-window-open");
        detach.setTooltip(new Tooltip("Show this dashboard in its own window, e.g. beside another broker's"));
        detach.setOnAction(e -> StatusWindow.open(model, root));
        Label status = new Label();
        status.setId("status-message");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, schema, node, spacer, status, window, pause, overlay, csv, detach);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-toolbar");
        for (Node n : List.of(window, pause, overlay, csv, detach)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        return bar;
    }

    private void fillOverlayMenu(MenuButton menu) {
        menu.getItems().clear();
        for (BrokerStatusViewModel other : model.board().open()) {
            if (other == model) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(other.name());
            item.setSelected(model.overlays().contains(other));
            item.setOnAction(e -> {
                if (item.isSelected()) {
                    other.open();
                    model.overlays().add(other);
                } else {
                    model.overlays().remove(other);
                }
                redraw();
            });
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            menu.getItems().add(new javafx.scene.control.MenuItem("(no other Broker Status open)"));
        }
    }

    private Node createProblem() {
        Label text = new Label();
        text.setId("status-problem");
        text.setWrapText(true);
        text.textProperty().bind(model.problemProperty());
        VBox box = new VBox(text);
        box.getStyleClass().add("status-problem");
        box.visibleProperty().bind(model.problemProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node createCards() {
        FlowPane cards = new FlowPane(8, 8);
        cards.setId("status-cards");
        cards.getStyleClass().add("status-cards");
        cards.getChildren().addAll(
                card("card-version", "Version", Cards::version),
                card("card-uptime", "Uptime", Cards::uptime),
                card("card-clients", "Clients connected / max / total", Cards::clients),
                card("card-subscriptions", "Subscriptions", Cards::subscriptions),
                card("card-retained", "Retained", Cards::retained),
                card("card-stored", "Stored", Cards::stored),
                card("card-heap", "Heap", Cards::heap));
        return cards;
    }

    private Node card(String id, String title, java.util.function.Function<Cards, String> value) {
        Label name = new Label(title);
        name.getStyleClass().add("card-title");
        Label text = new Label();
        text.setId(id);
        text.getStyleClass().add("card-value");
        text.textProperty().bind(Bindings.createStringBinding(() -> value.apply(model.cardsProperty().get()),
                model.cardsProperty()));
        VBox card = new VBox(2, name, text);
        card.getStyleClass().add("status-card");
        return card;
    }

    private Node createCenter() {
        chartGrid.setHgap(8);
        chartGrid.setVgap(8);
        chartGrid.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(chartGrid);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setId("status-charts");
        Tab chartsTab = new Tab("Charts", scroll);
        TextField search = new TextField();
        search.setId("sys-search");
        search.setPromptText("Search topics and values");
        search.textProperty().addListener((obs, was, now) -> tree.search(now));
        Button chartThis = new Button("Chart this");
        chartThis.setId("sys-chart-this");
        chartThis.setOnAction(e -> {
            String topic = tree.selectedNumericTopic();
            if (topic != null && model.chart(topic)) {
                ((TabPane) root.getCenter()).getSelectionModel().select(0);
            }
        });
        chartThis.disableProperty().bind(Bindings.createBooleanBinding(() -> tree.selectedNumericTopic() == null,
                tree.node().getSelectionModel().selectedItemProperty()));
        Label count = new Label();
        count.getStyleClass().add("muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d topics",
                model.topicCountProperty().get()), model.topicCountProperty()));
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox treeBar = new HBox(8, search, count, chartThis);
        treeBar.setAlignment(Pos.CENTER_LEFT);
        treeBar.setPadding(new Insets(6));
        VBox.setVgrow(tree.node(), Priority.ALWAYS);
        Tab treeTab = new Tab("$SYS tree", new VBox(treeBar, tree.node()));
        treeTab.setId("status-tree-tab");
        TabPane inner = new TabPane(chartsTab, treeTab);
        inner.setId("status-inner-tabs");
        inner.getStyleClass().add("dense");
        inner.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return inner;
    }

    private void layoutCharts() {
        charts.clear();
        chartGrid.getChildren().clear();
        for (StatusChart c : StatusChart.values()) {
            charts.add(new TimeChart(c.title(), () -> model.lines(c)));
        }
        for (String topic : model.chartedTopics()) {
            charts.add(new TimeChart(topic, () -> {
                ChartLine line = model.line(topic);
                return line == null ? List.of() : List.of(line);
            }));
        }
        for (int i = 0; i < charts.size(); i++) {
            TimeChart chart = charts.get(i);
            chart.setId("chart-" + i);
            Node cell = chartCell(chart, i >= StatusChart.values().length ? model.chartedTopics()
                    .get(i - StatusChart.values().length) : null);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            chartGrid.add(cell, i % 2, i / 2);
        }
        redraw();
    }

    /** A chart with its own PNG export, and a close button for topics charted from the raw view. */
    private Node chartCell(TimeChart chart, String chartedTopic) {
        Button png = new Button("PNG");
        png.getStyleClass().addAll("flat", "chart-button");
        png.setTooltip(new Tooltip("Export this chart as PNG"));
        png.setOnAction(e -> exportPng(chart));
        HBox buttons = new HBox(4, png);
        if (chartedTopic != null) {
            Button close = new Button("×");
            close.getStyleClass().addAll("flat", "chart-button");
            close.setTooltip(new Tooltip("Stop charting " + chartedTopic));
            close.setOnAction(e -> model.unchart(chartedTopic));
            buttons.getChildren().add(close);
        }
        buttons.setAlignment(Pos.TOP_RIGHT);
        buttons.setPickOnBounds(false);
        javafx.scene.layout.StackPane cell = new javafx.scene.layout.StackPane(chart, buttons);
        javafx.scene.layout.StackPane.setAlignment(buttons, Pos.TOP_RIGHT);
        cell.getStyleClass().add("chart-cell");
        return cell;
    }

    private void exportPng(TimeChart chart) {
        WritableImage image = chart.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), IntBuffer.wrap(argb), w);
        String name = chart.title().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
        model.exportPng(name + ".png", w, h, argb);
    }

    private void redraw() {
        if (!showing.get()) {
            return;
        }
        tree.sync();
        long now = System.currentTimeMillis();
        long from = now - model.windowProperty().get().millis();
        for (TimeChart chart : charts) {
            chart.show(from, now);
        }
    }
}
