package dev.skeeter.ui.status;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.ui.common.FileChooserService;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.util.Duration;

/**
 * The "Broker Status" tab of a workspace: created closed, it subscribes to {@code $SYS/#} the first time it is shown.
 * FX thread only.
 */
public final class StatusTab {
    private final BrokerStatusViewModel model;
    private final Tab tab;
    private final Timeline ticker;

    public StatusTab(MqttConnection connection, Supplier<String> name, StatusBoard board, FileChooserService files,
            Executor background) {
        model = new BrokerStatusViewModel(connection, name, board, Platform::runLater, background, files,
                System::currentTimeMillis);
        BrokerStatusView view = new BrokerStatusView(model);
        tab = new Tab("Broker Status", view.root());
        tab.setId("tab-status");
        tab.setClosable(false);
        view.showingProperty().bind(tab.selectedProperty());
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.open();
            }
        });
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public Tab tab() {
        return tab;
    }

    public BrokerStatusViewModel model() {
        return model;
    }

    /** The workspace closed: stop listening and ticking. */
    public void dispose() {
        ticker.stop();
        model.dispose();
    }
}
