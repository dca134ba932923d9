package dev.skeeter.ui.connection;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.log.LogView;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * A workspace: header (broker, client id, state, Connect/Disconnect, counters), the failure or port offer in place,
 * and tabs (Publish and Subscribe when provided, Log). FX thread only.
 */
public final class WorkspaceView {
    private final WorkspaceViewModel model;
    private final Supplier<char[]> passwordPrompt;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Timeline ticker;
    private final Runnable disposePanes;

    /**
     * @param extraTabs tabs shown before Log (Publish, Subscribe)
     * @param passwordPrompt asks the password when the profile keeps none; null answer cancels
     * @param disposePanes    run when the workspace closes, so the extra tabs stop listening
     */
    public WorkspaceView(WorkspaceViewModel model, List<Tab> extraTabs, FileChooserService files,
            Supplier<char[]> passwordPrompt, Runnable disposePanes) {
        this.model = model;
        this.disposePanes = disposePanes;
        this.passwordPrompt = passwordPrompt;
        root.setId("workspace");
        VBox top = new VBox(createHeader(), createPortOffer(), new FailureView(model.failureProperty(), model::dismissFailure).root());
        root.setTop(top);
        Tab log = new Tab("Log", new LogView(model.log(), files, "workspace").root());
        log.setId("tab-log");
        tabs.setId("workspace-tabs");
        tabs.getStyleClass().add("dense");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(extraTabs);
        tabs.getTabs().add(log);
        root.setCenter(tabs);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.traffic().tick(System.nanoTime())));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        model.traffic().tick(System.nanoTime());
    }

    public Node root() {
        return root;
    }

    /** Connects, asking the password first when needed. */
    public void connect() {
        if (model.needsPassword()) {
            char[] password = passwordPrompt.get();
            if (password != null) {
                model.connect(password);
            }
        } else {
            model.connect();
        }
    }

    /** Stops the counters' timer and the panes; call when the workspace closes. */
    public void dispose() {
        ticker.stop();
        disposePanes.run();
    }

    private Node createHeader() {
        Circle dot = new Circle(6);
        dot.getStyleClass().add("status-dot");
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(model::title, model.profileProperty()));
        title.getStyleClass().add("workspace-title");
        Label stateLabel = new Label();
        stateLabel.setId("workspace-state");
        model.stateProperty().addListener((obs, old, now) -> showState(dot, stateLabel, now));
        showState(dot, stateLabel, model.stateProperty().get());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("workspace-progress");
        progress.setPrefSize(18, 18);
        progress.setMaxSize(18, 18);
        progress.visibleProperty().bind(model.busyProperty());
        Button connect = new Button("Connect");
        connect.setId("connect-button");
        connect.setDefaultButton(false);
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.getStyleClass().add("accent");
        connect.setOnAction(e -> connect());
        connect.visibleProperty().bind(model.canDisconnect().not());
        connect.managedProperty().bind(connect.visibleProperty());
        connect.disableProperty().bind(model.canConnect().not());
        Button disconnect = new Button("Disconnect");
        disconnect.setId("disconnect-button");
        disconnect.setMinWidth(Region.USE_PREF_SIZE);
        disconnect.setOnAction(e -> model.disconnect());
        disconnect.visibleProperty().bind(model.canDisconnect());
        disconnect.managedProperty().bind(disconnect.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label notice = new Label(WorkspaceViewModel.PROFILE_CHANGES_PENDING_TEXT);
        notice.setTooltip(new javafx.scene.control.Tooltip(WorkspaceViewModel.PROFILE_CHANGES_PENDING_TEXT));
        notice.setId("workspace-notice");
        notice.getStyleClass().add("workspace-notice");
        notice.setMinWidth(0);
        notice.visibleProperty().bind(model.profileChangesPendingProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        Label address = value("workspace-address", Bindings.createStringBinding(model::brokerAddress,
                model.profileProperty()), "Broker");
        Label client = value("workspace-client-id", model.clientIdProperty(), "Client id");
        Label in = value("messages-in", Bindings.createStringBinding(() -> "in " + counter(
                model.traffic().messagesInProperty().get(), model.traffic().inPerSecondProperty().get()),
                model.traffic().messagesInProperty(), model.traffic().inPerSecondProperty()), "Messages received");
        Label out = value("messages-out", Bindings.createStringBinding(() -> "out " + counter(
                model.traffic().messagesOutProperty().get(), model.traffic().outPerSecondProperty().get()),
                model.traffic().messagesOutProperty(), model.traffic().outPerSecondProperty()), "Messages published");
        // One line, so the messages get the height: what gives way first is the title, then the address and id
        // (cut in the middle, whole on hover); counters, state and buttons keep their size.
        title.setMinWidth(40);
        address.setMinWidth(60);
        client.setMinWidth(40);
        stateLabel.setMinWidth(Region.USE_PREF_SIZE);
        in.setMinWidth(Region.USE_PREF_SIZE);
        out.setMinWidth(Region.USE_PREF_SIZE);
        address.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        client.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        HBox row = new HBox(10, dot, title, stateLabel, notice, address, client, spacer, in, out, progress,
                connect, disconnect);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("workspace-header");
        return row;
    }

    private Node createPortOffer() {
        Label text = new Label();
        text.setId("port-offer-text");
        text.setWrapText(true);
        Button use = new Button();
        use.setId("use-free-port");
        use.getStyleClass().add("accent");
        use.setOnAction(e -> model.acceptPortOffer());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> model.dismissPortOffer());
        HBox buttons = new HBox(8, use, cancel);
        VBox box = new VBox(8, text, buttons);
        box.setId("port-offer");
        box.getStyleClass().add("port-conflict");
        box.setPadding(new Insets(10, 12, 10, 12));
        model.portOfferProperty().addListener((obs, old, offer) -> {
            box.setVisible(offer != null);
            box.setManaged(offer != null);
            if (offer != null) {
                text.setText(offer.explanation());
                use.setText("Use free port " + offer.freePort());
            }
        });
        box.setVisible(false);
        box.setManaged(false);
        return box;
    }

    private static void showState(Circle dot, Label label, ConnectionState state) {
        dot.getStyleClass().removeIf(c -> !c.equals("status-dot"));
        dot.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
        label.setText(StateText.of(state));
    }

    /** A header value; its tooltip names it and shows it whole when the line is too narrow. */
    private static Label value(String id, javafx.beans.value.ObservableValue<String> text, String name) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("header-value");
        label.textProperty().bind(text);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(Bindings.concat(name, ": ", text));
        label.setTooltip(tip);
        return label;
    }

    static String counter(long count, double perSecond) {
        return String.format(Locale.ROOT, "%,d (%.1f/s)", count, perSecond);
    }
}
