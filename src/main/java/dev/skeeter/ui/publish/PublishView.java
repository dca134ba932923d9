package dev.skeeter.ui.publish;

import dev.skeeter.client.payload.PayloadFormat;
import dev.skeeter.profiles.AppState.SavedMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Publish pane: the form (topic with history and completion, QoS, retain, payload editor with format), saved
 * messages, and what was published. Builds nodes and binds them to {@link PublishViewModel}. FX thread only.
 */
public final class PublishView {
    static final String STYLESHEET = Objects.requireNonNull(PublishView.class.getResource("publish.css"))
            .toExternalForm();
    private static final KeyCombination PUBLISH = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final PublishViewModel vm;
    private final BorderPane root = new BorderPane();

    public PublishView(PublishViewModel vm) {
        this.vm = vm;
        createView();
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PUBLISH.match(e)) {
                vm.publish();
                e.consume();
            }
        });
    }

    public Node root() {
        return root;
    }

    private void createView() {
        root.setId("publish-pane");
        root.getStyleClass().add("publish-pane");
        root.getStylesheets().add(STYLESHEET);
        SplitPane side = new SplitPane(createSaved(), createPublished());
        side.setOrientation(Orientation.VERTICAL);
        SplitPane main = new SplitPane(createForm(), side);
        main.setDividerPositions(0.55);
        root.setCenter(main);
    }

    private Node createForm() {
        TextField topic = new TextField();
        topic.setId("publish-topic");
        topic.setPromptText("Topic, e.g. sensors/kitchen/temperature");
        topic.textProperty().bindBidirectional(vm.topicProperty());
        topic.setMaxWidth(Double.MAX_VALUE);
        topic.setTooltip(new Tooltip("Typing completes topics you published to and topics seen on this connection"));
        TextFields.bindAutoCompletion(topic, request -> vm.suggestTopics(request.getUserText(), 15));
        HBox.setHgrow(topic, Priority.ALWAYS);
        // A menu rather than an editable ComboBox: reordering the history under a ComboBox clears its value, and
        // with it the topic being published.
        MenuButton history = new MenuButton("History");
        history.setId("topic-history");
        history.setMinWidth(Region.USE_PREF_SIZE);
        history.disableProperty().bind(Bindings.isEmpty(vm.topicHistory()));
        history.setOnShowing(e -> history.getItems().setAll(vm.topicHistory().stream().map(used -> {
            MenuItem item = new MenuItem(used);
            item.setMnemonicParsing(false);
            item.setOnAction(a -> vm.topicProperty().set(used));
            return item;
        }).toList()));
        Label topicError = errorLabel("publish-topic-error", vm.topicErrorProperty());
        topicError.visibleProperty().bind(vm.topicErrorProperty().isNotEmpty().and(vm.topicProperty().isNotEmpty()));

        ToggleGroup qosGroup = new ToggleGroup();
        HBox qos = new HBox(8);
        qos.setAlignment(Pos.CENTER_LEFT);
        for (int q = 0; q <= 2; q++) {
            RadioButton b = new RadioButton("QoS " + q);
            b.setId("publish-qos-" + q);
            b.setToggleGroup(qosGroup);
            b.setUserData(q);
            b.setSelected(vm.qosProperty().get() == q);
            qos.getChildren().add(b);
        }
        qosGroup.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.qosProperty().set((Integer) now.getUserData());
            }
        });
        vm.qosProperty().addListener((obs, was, now) -> qosGroup.getToggles().stream()
                .filter(t -> t.getUserData().equals(now.intValue())).findFirst().ifPresent(t -> t.setSelected(true)));
        CheckBox retain = new CheckBox("Retain");
        retain.setId("publish-retain");
        retain.selectedProperty().bindBidirectional(vm.retainProperty());
        qos.getChildren().add(retain);

        ChoiceBox<PayloadFormat> format = new ChoiceBox<>();
        format.setId("publish-format");
        format.getItems().setAll(PayloadFormat.values());
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(PayloadFormat f) {
                return f == null ? "" : f.label();
            }

            @Override
            public PayloadFormat fromString(String s) {
                return PayloadFormat.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Button pretty = new Button("Pretty-print");
        pretty.setId("pretty-print");
        pretty.disableProperty().bind(vm.formatProperty().isNotEqualTo(PayloadFormat.JSON));
        pretty.setOnAction(e -> vm.prettyPrint());
        Button load = new Button("Load from file…");
        load.setId("load-file");
        load.setOnAction(e -> vm.loadFromFile());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox payloadBar = new HBox(6, new Label("Payload"), format, pretty, spacer, load);
        payloadBar.setAlignment(Pos.CENTER_LEFT);

        TextArea payload = new TextArea();
        payload.setId("publish-payload");
        payload.getStyleClass().add("payload-editor");
        payload.textProperty().bindBidirectional(vm.payloadProperty());
        payload.setPromptText("Payload (empty is allowed)");
        VBox.setVgrow(payload, Priority.ALWAYS);
        Label payloadError = errorLabel("publish-payload-error", vm.payloadErrorProperty());

        Button publish = new Button("Publish");
        publish.setId("publish-button");
        publish.getStyleClass().add("accent");
        publish.setTooltip(new Tooltip("Publish (Ctrl+Enter)"));
        publish.setOnAction(e -> vm.publish());
        publish.disableProperty().bind(vm.formValidProperty().not());
        TextField saveName = new TextField();
        saveName.setId("save-name");
        saveName.setPromptText("Name to save as");
        Button save = new Button("Save");
        save.setId("save-message");
        save.setOnAction(e -> {
            if (vm.saveCurrent(saveName.getText())) {
                saveName.clear();
            }
        });
        Label status = new Label();
        status.setId("publish-status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(vm.statusProperty());
        HBox actions = new HBox(6, publish, new Label("Ctrl+Enter"), spacer(), saveName, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label("Publish");
        title.getStyleClass().add("pane-title");
        VBox form = new VBox(6, title, new HBox(6, topic, history), topicError, qos, payloadBar, payload, payloadError,
                actions, status);
        form.setPadding(new Insets(8));
        return form;
    }

    private Node createSaved() {
        ListView<SavedMessage> list = new ListView<>(vm.savedMessages());
        list.setId("saved-messages");
        list.setPlaceholder(new Label("No saved messages: fill the form and press Save"));
        list.setCellFactory(v -> new SavedMessageCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label("Saved messages");
        title.getStyleClass().add("pane-title");
        VBox box = new VBox(6, title, list);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node createPublished() {
        TableView<PublishedEntry> table = new TableView<>(vm.published());
        table.setId("published");
        table.setPlaceholder(new Label("Nothing published yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 112, e -> TIME.format(e.time())));
        table.getColumns().add(column("Topic", 180, PublishedEntry::topic));
        table.getColumns().add(column("QoS", 56, e -> Integer.toString(e.qos()) + (e.retain() ? " R" : "")));
        table.getColumns().add(column("Size", 64, e -> e.size() + " B"));
        TableColumn<PublishedEntry, String> result = new TableColumn<>("Result");
        result.setPrefWidth(120);
        result.setCellValueFactory(c -> c.getValue().resultProperty());
        table.getColumns().add(result);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label title = new Label("Published");
        title.getStyleClass().add("pane-title");
        VBox box = new VBox(6, title, table);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<PublishedEntry, String> column(String title, double width,
                                                              Function<PublishedEntry, String> value) {
        TableColumn<PublishedEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        if (width < 150) {
            column.setMinWidth(width);
        }
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static Label errorLabel(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("form-error");
        label.textProperty().bind(text);
        label.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        label.setWrapText(true);
        return label;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** A saved message: name and topic, publish with one click, edit, delete. */
    private final class SavedMessageCell extends ListCell<SavedMessage> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Button send = new Button("Publish");
        private final Button edit = new Button("Edit");
        private final Button delete = new Button("✕");
        private final HBox box;

        SavedMessageCell() {
            name.getStyleClass().add("saved-name");
            detail.getStyleClass().add("saved-detail");
            send.setId("saved-publish");
            edit.setId("saved-edit");
            delete.setId("saved-delete");
            delete.setTooltip(new Tooltip("Delete"));
            send.setOnAction(e -> vm.publishSaved(getItem()));
            edit.setOnAction(e -> vm.edit(getItem()));
            delete.setOnAction(e -> vm.deleteSaved(getItem()));
            VBox text = new VBox(1, name, detail);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(6, text, send, edit, delete);
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(SavedMessage item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            detail.setText(item.topic() + " · QoS " + item.qos() + (item.retain() ? " · retain" : "") + " · "
                    + PublishViewModel.formatOf(item).label());
            setGraphic(box);
        }
    }
}
