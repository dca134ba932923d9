package dev.skeeter.ui.subscribe;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.control.OverrunStyle;
import javafx.scene.paint.Color;

/** A subscription in the list: colour (changeable), filter, status, count, mute and unsubscribe. FX thread only. */
final class SubscriptionCell extends ListCell<SubscriptionItem> {
    private final ColorPicker colour = new ColorPicker();
    private final Label filter = new Label();
    private final Label status = new Label();
    private final Label count = new Label();
    private final Tooltip statusTip = new Tooltip();
    private final Tooltip filterTip = new Tooltip();
    private final ToggleButton mute = new ToggleButton("Mute");
    private final Button unsubscribe = new Button("✕");
    private final GridPane box = new GridPane();
    private SubscriptionItem bound;

    SubscriptionCell(Consumer<SubscriptionItem> onUnsubscribe) {
        getStyleClass().add("subscription-cell");
        colour.getStyleClass().addAll("button", "subscription-colour");
        colour.setId("subscription-colour");
        filter.getStyleClass().add("subscription-filter");
        filter.setId("subscription-filter");
        status.getStyleClass().add("subscription-status");
        status.setTooltip(statusTip); // the whole reason when the list is narrow
        count.getStyleClass().add("subscription-count");
        count.setId("subscription-count");
        mute.setId("subscription-mute");
        mute.setTooltip(new Tooltip("Hide this subscription's messages (they are still counted)"));
        unsubscribe.setId("subscription-unsubscribe");
        unsubscribe.setTooltip(new Tooltip("Unsubscribe"));
        unsubscribe.setOnAction(e -> {
            if (bound != null) {
                onUnsubscribe.accept(bound);
            }
        });
        colour.setOnAction(e -> {
            if (bound != null) {
                bound.colourProperty().set(toHex(colour.getValue()));
            }
        });
        for (var control : new javafx.scene.control.Control[] {colour, count, mute, unsubscribe}) {
            control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the filter text gives way instead
        }
        mute.getStyleClass().add("small"); // compact under AtlantaFX; ignored by Modena
        unsubscribe.getStyleClass().add("small");
        filter.setMinWidth(0);
        status.setMinWidth(0);
        HBox actions = new HBox(4, mute, unsubscribe);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        // Two lines: colour | filter (cut in the middle) | count, then status | mute, unsubscribe. The count is a
        // number and never cut; the filter and the status show whole on hover.
        filter.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        filter.setTooltip(filterTip);
        box.setHgap(6);
        box.setVgap(2);
        box.add(colour, 0, 0, 1, 2);
        box.add(filter, 1, 0);
        box.add(count, 2, 0);
        box.add(status, 1, 1);
        box.add(actions, 2, 1);
        GridPane.setHalignment(count, javafx.geometry.HPos.RIGHT);
        GridPane.setHgrow(filter, Priority.ALWAYS);
        GridPane.setHgrow(status, Priority.ALWAYS);

        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0); // fit the list's width instead of scrolling sideways
    }

    @Override
    protected void updateItem(SubscriptionItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            mute.selectedProperty().unbindBidirectional(bound.mutedProperty());
            status.textProperty().unbind();
            statusTip.textProperty().unbind();
            count.textProperty().unbind();
        }
        bound = empty ? null : item;
        if (bound == null) {
            setGraphic(null);
            return;
        }
        filter.setText(item.filter());
        filterTip.setText(item.filter() + " (QoS " + item.qos() + ")");
        colour.setValue(Color.web(item.colourProperty().get()));
        mute.selectedProperty().bindBidirectional(item.mutedProperty());
        status.textProperty().bind(item.statusProperty());
        statusTip.textProperty().bind(item.statusProperty());
        count.textProperty().bind(Bindings.format("%,d", item.countProperty()));
        setGraphic(box);
    }

    static String toHex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
