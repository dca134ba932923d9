package dev.skeeter.ui.subscribe;

import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.geometry.Pos;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected message: topic (copyable), flags, size, matching subscriptions, and one tab per viewer. Text comes
 * rendered (and cut) from the view-model's background work; images are decoded off the FX thread here. FX thread
 * only.
 */
public final class MessageDetailView {
    private final MessageDetailViewModel vm;
    private final Executor background;
    private final VBox root = new VBox(6);
    private final TabPane tabs = new TabPane();
    private final Map<PayloadViewer, Tab> tabByViewer = new EnumMap<>(PayloadViewer.class);
    private final Label note = new Label();
    private final TextArea text = area("detail-text");
    private final TextArea json = area("detail-json");
    private final TreeView<String> jsonTree = new TreeView<>();
    private final TextArea hexdump = area("detail-hexdump");
    private final TextArea base64 = area("detail-base64");
    private final ImageView image = new ImageView();
    private long imageGeneration;

    public MessageDetailView(MessageDetailViewModel vm, Executor background) {
        this.vm = vm;
        this.background = background;
        createView();
        initListeners();
    }

    public Node root() {
        return root;
    }

    private void createView() {
        root.getStyleClass().add("message-detail");
        root.setId("message-detail");
        root.setPadding(new Insets(4, 6, 4, 6));
        root.setSpacing(4);
        TextField topic = new TextField();
        topic.setId("detail-topic");
        topic.setEditable(false);
        topic.textProperty().bind(vm.topicProperty());
        Button copy = new Button("Copy");
        copy.setId("detail-copy-topic");
        copy.setTooltip(new Tooltip("Copy the topic"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.topicProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label flags = boundLabel("detail-flags", vm.flagsProperty());
        Label size = boundLabel("detail-size", vm.sizeProperty());
        Label matched = boundLabel("detail-matched", vm.matchedProperty());

        // One compact line (topic, copy, flags, size, matched), so the viewer below gets the height
        for (Label label : new Label[] {flags, size}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        copy.setMinWidth(Region.USE_PREF_SIZE);
        matched.setMinWidth(0);
        matched.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        Tooltip matchedTip = new Tooltip();
        matchedTip.textProperty().bind(vm.matchedProperty());
        matched.setTooltip(matchedTip);
        topic.setPrefColumnCount(12);
        HBox line = new HBox(8, topic, copy, flags, size, matched);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setId("detail-metadata");
        HBox.setHgrow(topic, Priority.ALWAYS);

        jsonTree.setId("detail-json-tree");
        jsonTree.setShowRoot(true);
        SplitPane jsonSplit = new SplitPane(json, jsonTree);
        image.setId("detail-image");
        image.setPreserveRatio(true);
        ScrollPane imagePane = new ScrollPane(image);
        imagePane.getStyleClass().add("detail-image-pane");
        addTab(PayloadViewer.TEXT, text);
        addTab(PayloadViewer.JSON, jsonSplit);
        addTab(PayloadViewer.HEXDUMP, hexdump);
        addTab(PayloadViewer.BASE64, base64);
        addTab(PayloadViewer.IMAGE, imagePane);
        tabs.setId("detail-viewers");
        tabs.getStyleClass().add("dense");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        note.setId("detail-note");
        note.getStyleClass().add("detail-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        root.getChildren().addAll(line, note, tabs);
    }

    private void initListeners() {
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.viewerProperty().set((PayloadViewer) now.getUserData());
            }
        });
        vm.viewerProperty().addListener((obs, was, now) -> tabs.getSelectionModel().select(tabByViewer.get(now)));
        vm.renderedProperty().addListener((obs, was, now) -> show(now));
    }

    private void show(RenderedPayload r) {
        if (r == null) {
            note.setText("");
            text.clear();
            json.clear();
            jsonTree.setRoot(null);
            hexdump.clear();
            base64.clear();
            image.setImage(null);
            return;
        }
        note.setText(r.note());
        note.getStyleClass().remove("truncated");
        if (r.truncated()) {
            note.getStyleClass().add("truncated");
        }
        switch (r.viewer()) {
            case TEXT -> text.setText(r.text());
            case JSON -> {
                json.setText(r.text());
                jsonTree.setRoot(r.tree() == null ? null : expanded(new JsonTreeItem("payload", r.tree())));
            }
            case HEXDUMP -> hexdump.setText(r.text());
            case BASE64 -> base64.setText(r.text());
            case IMAGE -> loadImage();
        }
    }

    private void loadImage() {
        long token = ++imageGeneration;
        byte[] payload = vm.payload();
        image.setImage(null);
        if (PayloadRenderer.imageKind(payload).isEmpty()) {
            return;
        }
        background.execute(() -> {
            Image decoded = new Image(new ByteArrayInputStream(payload));
            javafx.application.Platform.runLater(() -> {
                if (token == imageGeneration) {
                    image.setImage(decoded);
                    if (decoded.isError()) {
                        note.setText("The image cannot be decoded: " + decoded.getException());
                    }
                }
            });
        });
    }

    private static JsonTreeItem expanded(JsonTreeItem item) {
        item.setExpanded(true);
        return item;
    }

    private void addTab(PayloadViewer viewer, Node content) {
        Tab tab = new Tab(viewer.toString(), content);
        tab.setId("viewer-" + viewer.name().toLowerCase(java.util.Locale.ROOT));
        tab.setUserData(viewer);
        tabByViewer.put(viewer, tab);
        tabs.getTabs().add(tab);
    }

    private static TextArea area(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("payload-text");
        return area;
    }

    private static Label boundLabel(String id, javafx.beans.value.ObservableValue<String> value) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(value);
        return label;
    }
}
