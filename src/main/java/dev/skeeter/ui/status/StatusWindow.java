package dev.skeeter.ui.status;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * A workspace's Broker Status in a window of its own, so two brokers' dashboards can stand side by side. It shows
 * the same view-model as the tab, with the main window's stylesheets and theme (followed while open). FX thread only.
 */
final class StatusWindow {
    private StatusWindow() {
    }

    static Stage open(BrokerStatusViewModel model, Node from) {
        model.open();
        BrokerStatusView view = new BrokerStatusView(model);
        Parent root = (Parent) view.root();
        Scene scene = new Scene(root, 900, 620);
        Stage stage = new Stage();
        stage.setTitle("Broker Status — " + model.name());
        stage.setScene(scene);
        if (from.getScene() != null) {
            Scene owner = from.getScene();
            scene.getStylesheets().setAll(owner.getStylesheets());
            ListChangeListener<String> theme = c -> {
                root.getStyleClass().remove("dark");
                if (owner.getRoot().getStyleClass().contains("dark")) {
                    root.getStyleClass().add("dark");
                }
            };
            owner.getRoot().getStyleClass().addListener(theme);
            theme.onChanged(null);
            stage.setOnHidden(e -> owner.getRoot().getStyleClass().removeListener(theme));
        }
        // the tab's timer may stop while the tab is hidden: this window ticks too
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> ticker.stop());
        stage.show();
        return stage;
    }
}
