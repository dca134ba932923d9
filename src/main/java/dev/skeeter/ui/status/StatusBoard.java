package dev.skeeter.ui.status;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Broker Status dashboards open in the app, so one can overlay another broker's metric on its charts. FX thread
 * only.
 */
public final class StatusBoard {
    private final ObservableList<BrokerStatusViewModel> open = FXCollections.observableArrayList();

    public ObservableList<BrokerStatusViewModel> open() {
        return open;
    }
}
