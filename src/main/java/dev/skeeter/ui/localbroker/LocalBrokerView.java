package dev.skeeter.ui.localbroker;

import dev.skeeter.broker.ClientInfo;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.log.LogView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Local broker view: start/stop, port and bind address, listening addresses, clients, log. FX thread only. */
public final class LocalBrokerView {
    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final LocalBrokerViewModel model;
    private final BorderPane root = new BorderPane();

    public LocalBrokerView(LocalBrokerViewModel model, FileChooserService files) {
        this.model = model;
        root.setId("local-broker-view");
        root.setTop(new VBox(6, createControls(), LocalBrokerUsersView.create(model.users())));
        SplitPane split = new SplitPane(createLists(), new LogView(model.log(), files, "broker").root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    private Node createControls() {
        TextField port = new TextField();
        port.setId("broker-port");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(model.portProperty());
        TextField bind = new TextField();
        bind.setId("broker-bind");
        bind.setPrefColumnCount(12);
        bind.textProperty().bindBidirectional(model.bindAddressProperty());
        port.disableProperty().bind(model.runningProperty().or(model.busyProperty()));
        bind.disableProperty().bind(port.disableProperty());
        Button start = new Button("Start");
        start.setId("broker-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.canStart().not());
        start.setOnAction(e -> model.start());
        Button stop = new Button("Stop");
        stop.setId("broker-stop");
        stop.disableProperty().bind(model.runningProperty().not().or(model.busyProperty()));
        stop.setOnAction(e -> model.stop());
        HBox row = new HBox(8, new Label("Port"), port, new Label("Bind address"), bind, start, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        Label portError = new Label();
        portError.setId("broker-port-error");
        portError.getStyleClass().add("field-error");
        portError.textProperty().bind(model.portErrorProperty());
        portError.managedProperty().bind(portError.textProperty().isNotEmpty());
        Label status = new Label();
        status.setId("broker-status");
        status.textProperty().bind(model.statusProperty());
        Label problem = new Label();
        problem.setId("broker-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("field-error");
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox box = new VBox(6, row, portError, status, problem);
        box.setPadding(new Insets(10));
        return new VBox(box, new BrokerStatsView(model.stats()).root());
    }

    private Node createLists() {
        Label addresses = new Label();
        addresses.setId("broker-addresses");
        addresses.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.addresses().isEmpty() ? "Not listening" : String.join(", ", model.addresses()),
                model.addresses()));
        TableView<ClientInfo> clients = new TableView<>(model.clients());
        clients.setId("broker-clients");
        clients.setPlaceholder(new Label("No clients connected"));
        clients.getColumns().setAll(List.of(
                column("Client id", 220, c -> c.clientId()),
                column("Address", 180, c -> LocalBrokerViewModel.format(c.address())),
                column("Since", 100, c -> SINCE.format(c.connectedSince())),
                column("User", 120, c -> c.username() == null ? "" : c.username())));
        Label addressesTitle = new Label("Listening on");
        addressesTitle.getStyleClass().add("form-section-title");
        javafx.scene.layout.HBox listening = new javafx.scene.layout.HBox(8, addressesTitle, addresses);
        Label clientsTitle = new Label("Connected clients");
        clientsTitle.getStyleClass().add("form-section-title");
        VBox box = new VBox(8, listening, clientsTitle, clients);
        VBox.setVgrow(clients, Priority.ALWAYS);
        box.setPadding(new Insets(8, 10, 10, 10));
        return box;
    }

    private static TableColumn<ClientInfo, String> column(String title, double width,
            java.util.function.Function<ClientInfo, String> value) {
        TableColumn<ClientInfo, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
