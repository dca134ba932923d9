package dev.skeeter.ui.profiles;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FileChooserService;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The profiles editor: list and actions on the left, the form on the right, Test and Save below. FX thread only. */
public final class ProfilesEditorView {

    private final ProfilesEditorViewModel model;
    private final FileChooserService files;
    private final CertificateLinks links;
    private final BorderPane root = new BorderPane();
    private final ListView<Profile> list = new ListView<>();
    private final CheckBox exportSecrets = new CheckBox("Export passwords too");

    public ProfilesEditorView(ProfilesEditorViewModel model, FileChooserService files) {
        this(model, files, CertificateLinks.NONE);
    }

    public ProfilesEditorView(ProfilesEditorViewModel model, FileChooserService files, CertificateLinks links) {
        this.model = model;
        this.files = files;
        this.links = links;
        root.setId("profiles-editor");
        SplitPane split = new SplitPane(createList(), createForm());
        split.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        root.setCenter(split);
    }

    public Node root() {
        return root;
    }

    private Node createList() {
        list.setId("profiles-list");
        list.setItems(model.profiles());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Profile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.selectedProperty().get()) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        list.getSelectionModel().select(model.selectedProperty().get());
        Button add = button("profile-add", "Add");
        add.setOnAction(e -> model.add());
        Button duplicate = button("profile-duplicate", "Duplicate");
        duplicate.setOnAction(e -> model.duplicate());
        duplicate.disableProperty().bind(model.selectedProperty().isNull());
        Button delete = button("profile-delete", "Delete");
        delete.setOnAction(e -> model.delete());
        delete.disableProperty().bind(model.canDelete().not());
        Button importButton = button("profile-import", "Import…");
        importButton.setOnAction(e -> files.open("Import profiles", "*.json").ifPresent(model::importFrom));
        Button export = button("profile-export", "Export…");
        export.setOnAction(e -> files.save("Export profiles", "skeeter-profiles.json", "*.json")
                .ifPresent(p -> model.exportTo(p, exportSecrets.isSelected())));
        exportSecrets.setId("profile-export-secrets");
        HBox row1 = new HBox(6, add, duplicate, delete);
        HBox row2 = new HBox(6, importButton, export);
        VBox box = new VBox(8, list, row1, row2, exportSecrets);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(10));
        box.setMinWidth(230);
        return box;
    }

    private Node createForm() {
        Node form = new ProfileFormView(model.form(), files, links).root();
        Button test = button("profile-test", "Test");
        test.setOnAction(e -> model.test());
        test.disableProperty().bind(model.testingProperty());
        ProgressIndicator testing = new ProgressIndicator();
        testing.setPrefSize(16, 16);
        testing.setMaxSize(16, 16);
        testing.visibleProperty().bind(model.testingProperty());
        Label result = new Label();
        result.setId("profile-test-result");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        model.testResultProperty().addListener((obs, old, now) -> {
            result.getStyleClass().removeAll("ok", "error", "test-result");
            result.setText(now == null ? "" : now.message());
            if (now != null) {
                result.getStyleClass().addAll("test-result", now.ok() ? "ok" : "error");
            }
        });
        HBox.setHgrow(result, Priority.ALWAYS);
        Button save = button("profile-save", "Save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> model.save());
        save.disableProperty().bind(model.form().validProperty().not());
        Label message = new Label();
        message.setId("profiles-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        HBox actions = new HBox(8, test, testing, result, spacer, message, save);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(8, 12, 10, 12));
        BorderPane pane = new BorderPane(form);
        pane.setBottom(actions);
        return pane;
    }

    private static Button button(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }
}
