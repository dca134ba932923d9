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
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** A subscription in the list: colour (changeable), filter, status, count, mute and unsubscribe. FX thread only. */
final class SubscriptionCell extends ListCell<SubscriptionItem> {
    private final ColorPicker colour = new ColorPicker();
    private final Label filter = new Label();
    private final Label status = new Label();
    private final Label count = new Label();
    private final ToggleButton mute = new ToggleButton("Mute");
    private final Button unsubscribe = new Button("✕");
    private final HBox box;
    private SubscriptionItem bound;

    SubscriptionCell(Consumer<SubscriptionItem> onUnsubscribe) {
        getStyleClass().add("subscription-cell");
        colour.getStyleClass().addAll("button", "subscription-colour");
        colour.setId("subscription-colour");
        filter.getStyleClass().add("subscription-filter");
        filter.setId("subscription-filter");
        status.getStyleClass().add("subscription-status");
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
        VBox text = new VBox(1, filter, status);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        box = new HBox(6, colour, text, count, mute, unsubscribe);
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0); // fit the list's width instead of scrolling sideways
    }

    @Override
    protected void updateItem(SubscriptionItem item, boolean empty) {
        super.updateItem(item, empty);
        if (bound != null) {
            mute.selectedProperty().unbindBidirectional(bound.mutedProperty());
            status.textProperty().unbind();
            count.textProperty().unbind();
        }
        bound = empty ? null : item;
        if (bound == null) {
            setGraphic(null);
            return;
        }
        filter.setText(item.filter());
        colour.setValue(Color.web(item.colourProperty().get()));
        mute.selectedProperty().bindBidirectional(item.mutedProperty());
        status.textProperty().bind(item.statusProperty());
        count.textProperty().bind(Bindings.format("%,d", item.countProperty()));
        setGraphic(box);
    }

    static String toHex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
