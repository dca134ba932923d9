package dev.skeeter.ui.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The whole {@code $SYS} tree as a tree table: topic level, value, last update, and a sparkline for numbers. Items
 * are added as topics appear (expansion survives); a search shows only matching topics, expanded. FX thread only.
 */
final class SysTreeTable {
    /** A tree row: one topic level; {@code topic} is null for a level that only has children. */
    record Row(String level, RawTopic topic) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final SysModel model;
    private final TreeTableView<Row> table = new TreeTableView<>();
    private final Map<String, TreeItem<Row>> items = new HashMap<>();
    private String search = "";

    SysTreeTable(SysModel model, Consumer<String> chartThis) {
        this.model = model;
        table.setId("sys-tree");
        table.setShowRoot(false);
        table.setRoot(new TreeItem<>(new Row("", null)));
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<Row, String> topic = new TreeTableColumn<>("Topic");
        topic.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().level()));
        topic.setPrefWidth(260);
        TreeTableColumn<Row, String> value = new TreeTableColumn<>("Value");
        value.setCellValueFactory(c -> {
            RawTopic t = c.getValue().getValue().topic();
            return new ReadOnlyStringWrapper(t == null ? "" : t.value());
        });
        value.setPrefWidth(220);
        TreeTableColumn<Row, String> updated = new TreeTableColumn<>("Updated");
        updated.setCellValueFactory(c -> {
            RawTopic t = c.getValue().getValue().topic();
            return new ReadOnlyStringWrapper(t == null ? "" : TIME.format(Instant.ofEpochMilli(t.updated()))
                    + (t.retained() ? " (retained)" : ""));
        });
        updated.setPrefWidth(130);
        TreeTableColumn<Row, RawTopic> trend = new TreeTableColumn<>("Trend");
        trend.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().topic()));
        trend.setCellFactory(c -> new SparklineCell());
        trend.setPrefWidth(110);
        table.getColumns().add(topic);
        table.getColumns().add(value);
        table.getColumns().add(updated);
        table.getColumns().add(trend);
        table.setRowFactory(t -> {
            TreeTableRow<Row> row = new TreeTableRow<>();
            MenuItem chart = new MenuItem("Chart this");
            chart.setOnAction(e -> chartThis.accept(row.getItem().topic().topic()));
            ContextMenu menu = new ContextMenu(chart);
            row.itemProperty().addListener((obs, was, now) ->
                    row.setContextMenu(now != null && now.topic() != null && now.topic().numeric() ? menu : null));
            return row;
        });
        table.setPlaceholder(new Label("No $SYS topic yet"));
    }

    TreeTableView<Row> node() {
        return table;
    }

    /** The selected row's topic when it holds a number, else null. */
    String selectedNumericTopic() {
        TreeItem<Row> item = table.getSelectionModel().getSelectedItem();
        RawTopic t = item == null ? null : item.getValue().topic();
        return t != null && t.numeric() ? t.topic() : null;
    }

    void search(String text) {
        String next = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!next.equals(search)) {
            search = next;
            items.clear();
            table.getRoot().getChildren().clear();
        }
        sync();
    }

    /** Adds the topics that appeared since the last call, and repaints values. */
    void sync() {
        for (RawTopic t : model.topics()) {
            if (!items.containsKey(t.topic()) && matches(t)) {
                add(t);
            }
        }
        table.refresh();
    }

    private boolean matches(RawTopic t) {
        return search.isEmpty() || t.topic().toLowerCase(Locale.ROOT).contains(search)
                || t.value().toLowerCase(Locale.ROOT).contains(search);
    }

    private void add(RawTopic t) {
        String[] levels = t.topic().split("/", -1);
        TreeItem<Row> parent = table.getRoot();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < levels.length; i++) {
            path.append(i == 0 ? "" : "/").append(levels[i]);
            String key = path.toString();
            TreeItem<Row> item = items.get(key);
            boolean leaf = i == levels.length - 1;
            if (item == null) {
                item = new TreeItem<>(new Row(levels[i], leaf ? t : model.topic(key)));
                item.setExpanded(!search.isEmpty() || i < 2);
                items.put(key, item);
                parent.getChildren().add(item);
            } else if (leaf && item.getValue().topic() == null) {
                item.setValue(new Row(levels[i], t)); // a level that is also a topic
            }
            parent = item;
        }
    }

    /** A small line of a numeric topic's recent values, in the table's text colour. */
    private static final class SparklineCell extends TreeTableCell<Row, RawTopic> {
        private final Canvas canvas = new Canvas(90, 16);

        @Override
        protected void updateItem(RawTopic item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null || item.history() == null || item.history().size() < 2) {
                setGraphic(null);
                return;
            }
            TimeSeries h = item.history();
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int i = 0; i < h.size(); i++) {
                min = Math.min(min, h.value(i));
                max = Math.max(max, h.value(i));
            }
            double span = max > min ? max - min : 1;
            Paint fill = getTextFill();
            g.setStroke(fill instanceof Color c ? c : Color.GRAY);
            g.setLineWidth(1);
            g.beginPath();
            for (int i = 0; i < h.size(); i++) {
                double x = canvas.getWidth() * i / (h.size() - 1);
                double y = canvas.getHeight() - 1 - (canvas.getHeight() - 2) * (h.value(i) - min) / span;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            setGraphic(canvas);
        }
    }
}
