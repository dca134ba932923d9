package dev.skeeter.ui;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.connection.StateText;
import java.util.Locale;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The connection profiles, each with a status dot; Enter or double-click opens its workspace. FX thread only. */
final class ProfileListView {
    private final MainViewModel model;
    private final ListView<Profile> list = new ListView<>();

    ProfileListView(MainViewModel model) {
        this.model = model;
        list.setId("profile-list");
        list.setItems(model.profiles());
        list.setCellFactory(v -> new ProfileCell());
        list.setPlaceholder(new Label("No profiles"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProfileProperty().set(now);
            }
        });
        model.selectedProfileProperty().addListener((obs, old, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        // a state change of any open profile repaints the dots
        model.profileStates().addListener((MapChangeListener<String, ConnectionState>) c -> list.refresh());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                openSelected();
                e.consume();
            }
        });
    }

    ListView<Profile> root() {
        return list;
    }

    void openSelected() {
        Profile p = list.getSelectionModel().getSelectedItem();
        if (p != null) {
            try {
                model.open(p);
            } catch (IllegalArgumentException e) {
                // the client core refuses a profile it cannot use (e.g. a host Paho cannot parse)
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.WARNING, e.getMessage());
                alert.setHeaderText("Cannot open " + p.name());
                alert.initOwner(list.getScene().getWindow());
                alert.show();
            }
        }
    }

    private final class ProfileCell extends ListCell<Profile> {
        private final Circle dot = new Circle(5);
        private final Label name = new Label();
        private final Label address = new Label();
        private final HBox box;

        ProfileCell() {
            address.getStyleClass().add("muted");
            VBox text = new VBox(1, name, address);
            box = new HBox(8, dot, text);
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0); // long names are cut with an ellipsis instead of scrolling the list sideways
        }

        @Override
        protected void updateItem(Profile item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            ConnectionState state = model.profileStates().get(item.id());
            dot.getStyleClass().setAll("status-dot");
            if (state != null) {
                dot.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
            }
            name.setText(item.name());
            address.setText(item.host() + ":" + item.port());
            setTooltip(new Tooltip(item.name() + "\n" + dev.skeeter.ui.connection.BrokerAddress.of(item) + (state == null ? "" : " — " + StateText.of(state))));
            setGraphic(box);
            setId("profile-" + item.id());
        }
    }
}
