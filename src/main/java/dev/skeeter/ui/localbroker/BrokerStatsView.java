package dev.skeeter.ui.localbroker;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A row of the local broker's live numbers. A one-second timer on the FX thread samples the broker's counters;
 * nothing here runs per message. FX thread only.
 */
public final class BrokerStatsView {
    /** How often the numbers are read: often enough to look live, rarely enough to cost nothing. */
    static final Duration INTERVAL = Duration.seconds(1);

    private final HBox root = new HBox(24);
    private final Timeline timer;

    public BrokerStatsView(BrokerStatsViewModel model) {
        root.setId("broker-stats");
        root.getStyleClass().add("broker-stats");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(
                figure("Clients", "broker-stat-clients", model.clientsProperty()),
                figure("Messages in", "broker-stat-in", model.messagesInProperty()),
                figure("Messages out", "broker-stat-out", model.messagesOutProperty()),
                figure("Retained", "broker-stat-retained", model.retainedProperty()),
                figure("Subscriptions", "broker-stat-subscriptions", model.subscriptionsProperty()),
                figure("Uptime", "broker-stat-uptime", model.uptimeProperty()));
        model.sample();
        timer = new Timeline(new KeyFrame(INTERVAL, e -> model.sample()));
        timer.setCycleCount(Animation.INDEFINITE);
        // sample only while the view is in a window: a hidden tab costs nothing
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                model.sample();
                timer.play();
            }
        });
    }

    public Node root() {
        return root;
    }

    private static Node figure(String title, String id, ReadOnlyStringProperty value) {
        Label caption = new Label(title);
        caption.getStyleClass().add("broker-stat-caption");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("broker-stat-value");
        number.textProperty().bind(value);
        return new VBox(2, caption, number);
    }
}
