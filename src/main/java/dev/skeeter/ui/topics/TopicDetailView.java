package dev.skeeter.ui.topics;

import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.ui.subscribe.MessageDetailView;
import dev.skeeter.ui.subscribe.MessageRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The selected topic: its last message in the Subscribe pane's viewers above; history, diff and chart below;
 * retained-message deletion on top. Builds nodes and binds. FX thread only.
 */
final class TopicDetailView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final TopicDetailViewModel vm;
    private final SplitPane root = new SplitPane();
    private final LineChart<Number, Number> chart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final Map<TopicChartModel.Series, XYChart.Series<Number, Number>> shownSeries = new HashMap<>();

    TopicDetailView(TopicDetailViewModel vm, Executor background) {
        this.vm = vm;
        Button delete = new Button("Delete retained");
        delete.setId("topics-delete-retained");
        delete.setTooltip(new Tooltip("Publish an empty retained message to this topic: the broker forgets it"));
        delete.setOnAction(e -> vm.deleteRetained());
        Button deleteBelow = new Button("Delete all retained below…");
        deleteBelow.setId("topics-delete-retained-below");
        deleteBelow.setOnAction(e -> confirmDeleteBelow());
        HBox actions = new HBox(6, delete, deleteBelow);
        actions.setPadding(new Insets(4, 6, 0, 6));
        VBox top = new VBox(actions, new MessageDetailView(vm.message(), background).root());
        VBox.setVgrow(top.getChildren().get(1), Priority.ALWAYS);

        TabPane tabs = new TabPane(new Tab("History", history()), new Tab("Diff", diff()), new Tab("Chart", chart()));
        tabs.setId("topics-detail-tabs");
        tabs.getStyleClass().add("dense");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().get(0).setId("topics-tab-history");
        tabs.getTabs().get(1).setId("topics-tab-diff");
        tabs.getTabs().get(2).setId("topics-tab-chart");
        root.setOrientation(Orientation.VERTICAL);
        root.getItems().addAll(top, tabs);
        root.setDividerPositions(0.5);
        root.setId("topics-detail");
    }

    Node root() {
        return root;
    }

    private Node history() {
        ListView<ReceivedMessage> list = new ListView<>(vm.history());
        list.setId("topics-history");
        list.setPlaceholder(new Label("Select a topic to see its last payloads"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ReceivedMessage m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : TIME.format(m.arrival()) + (m.retained() ? "  R  " : "     ")
                        + (m.payload().length == 0 ? "(empty)" : MessageRow.of(m).preview()));
            }
        });
        return list;
    }

    private Node diff() {
        Label summary = new Label();
        summary.setId("topics-diff-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            PayloadDiff.Result r = vm.diffProperty().get();
            return r == null ? "No previous payload to compare with" : r.how() + ": " + r.summary();
        }, vm.diffProperty()));
        ListView<PayloadDiff.Line> lines = new ListView<>();
        lines.setId("topics-diff");
        lines.getStyleClass().add("payload-text");
        vm.diffProperty().addListener((o, was, now) -> lines.getItems().setAll(now == null ? java.util.List.of()
                : now.lines()));
        lines.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(PayloadDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                setText(empty || line == null ? null : line.toString());
                if (!empty && line != null && line.kind() != ' ') {
                    getStyleClass().add(line.kind() == '+' ? "diff-added" : "diff-removed");
                }
            }
        });
        VBox box = new VBox(4, summary, lines);
        box.setPadding(new Insets(4));
        VBox.setVgrow(lines, Priority.ALWAYS);
        return box;
    }

    private Node chart() {
        ComboBox<String> field = new ComboBox<>(vm.numericFields());
        field.setId("topics-chart-field");
        field.valueProperty().bindBidirectional(vm.chartFieldProperty());
        field.setConverter(new StringConverter<>() {
            @Override
            public String toString(String f) {
                return f == null ? "" : f.isEmpty() ? "(the payload)" : f;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        field.setPromptText("no number in this payload");
        Button add = new Button("Add to chart");
        add.setId("topics-chart-add");
        add.disableProperty().bind(Bindings.isEmpty(vm.numericFields()));
        add.setOnAction(e -> vm.addToChart());
        Button clear = new Button("Clear chart");
        clear.setId("topics-chart-clear");
        clear.setOnAction(e -> vm.chart().clear());
        HBox bar = new HBox(6, new Label("Value"), field, add, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        chart.setId("topics-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        NumberAxis x = (NumberAxis) chart.getXAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault())
                        .format(Instant.ofEpochMilli(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        vm.chart().series().addListener((ListChangeListener<TopicChartModel.Series>) c -> syncSeries());
        VBox box = new VBox(4, bar, chart);
        box.setPadding(new Insets(4));
        VBox.setVgrow(chart, Priority.ALWAYS);
        return box;
    }

    private void syncSeries() {
        shownSeries.keySet().removeIf(s -> {
            if (!vm.chart().series().contains(s)) {
                chart.getData().remove(shownSeries.get(s));
                return true;
            }
            return false;
        });
        for (TopicChartModel.Series s : vm.chart().series()) {
            if (!shownSeries.containsKey(s)) {
                XYChart.Series<Number, Number> xy = new XYChart.Series<>();
                xy.setName(s.label());
                shownSeries.put(s, xy);
                chart.getData().add(xy);
                copyPoints(s, xy);
                s.points().addListener((ListChangeListener<TopicChartModel.Point>) c -> copyPoints(s, xy));
            }
        }
    }

    private static void copyPoints(TopicChartModel.Series s, XYChart.Series<Number, Number> xy) {
        var data = new java.util.ArrayList<XYChart.Data<Number, Number>>(s.points().size());
        for (TopicChartModel.Point p : s.points()) {
            data.add(new XYChart.Data<>(p.time().toEpochMilli(), p.value()));
        }
        xy.getData().setAll(data);
    }

    private void confirmDeleteBelow() {
        String topic = vm.selectedTopic();
        if (topic == null) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete every retained message at and below " + topic
                + "? The tree knows " + vm.knownRetainedBelow() + "; any others the broker holds there go too.",
                ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Delete retained messages");
        alert.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deleteRetainedBelow());
    }
}
