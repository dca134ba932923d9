package dev.skeeter.ui.subscribe;

import dev.skeeter.client.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Builds and paints the message table's rows and cells once, with stand-in messages, as soon as the empty table
 * is first shown with a height. Without this the first batch of a flood pays for it: creating a screenful of rows
 * and cells, matching their CSS, and the renderer's first frame of a full table (new glyphs, cell backgrounds) on
 * a cold JVM made one 190-280 ms stall of the FX thread in the flood benchmark. The stand-ins are swapped in,
 * laid out, painted into a snapshot and swapped out within one FX task, so no pulse ever shows them; the cells
 * stay with the table for the real rows. FX thread only.
 */
final class TableWarmUp {
    private static final int SPARE_ROWS = 4;
    /** {@code -Dskeeter.tableWarmUp=false} turns it off, so the flood benchmark can compare with and without. */
    private static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("skeeter.tableWarmUp", "true"));

    private final TableView<MessageRow> table;
    private boolean done;

    private TableWarmUp(TableView<MessageRow> table) {
        this.table = table;
    }

    /** Warms {@code table} once, after its first layout with a height; nothing if real rows come first. */
    static void install(TableView<MessageRow> table) {
        if (!ENABLED) {
            return;
        }
        TableWarmUp warmUp = new TableWarmUp(table);
        ChangeListener<Number> onHeight = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number was, Number now) {
                if (now.doubleValue() > 0 && table.getSkin() != null) {
                    table.heightProperty().removeListener(this);
                    // after this pulse's layout: the table may not change its items in the middle of one
                    Platform.runLater(warmUp::run);
                }
            }
        };
        table.heightProperty().addListener(onHeight);
    }

    private void run() {
        if (done || !table.getItems().isEmpty() || table.getScene() == null || table.getFixedCellSize() <= 0) {
            return;
        }
        done = true;
        ObservableList<MessageRow> real = table.getItems();
        int rows = (int) Math.ceil(table.getHeight() / table.getFixedCellSize()) + SPARE_ROWS;
        table.setItems(standIns(rows));
        table.applyCss();
        table.layout();
        // Paints them once off screen: the renderer's first frames of a full table (glyphs, cell backgrounds)
        // were most of the cold spike, with the FX thread waiting for it in the next pulse.
        table.snapshot(null, null);
        table.setItems(real);
        table.layout();
    }

    private static ObservableList<MessageRow> standIns(int count) {
        List<MessageRow> rows = new ArrayList<>(count);
        // the glyphs topics, payload previews and times are usually made of, drawn once
        byte[] payload = "{\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\": \"abcdefghijklmnopqrstuvwxyz 0123456789 .,:;-_+#/[]()\"}"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            rows.add(new MessageRow(-1 - i, new ReceivedMessage(Instant.now(), "skeeter/warm-up/" + i, i % 3,
                    i % 2 == 0, false, payload, List.of("#")), null));
        }
        return FXCollections.observableArrayList(rows);
    }
}
