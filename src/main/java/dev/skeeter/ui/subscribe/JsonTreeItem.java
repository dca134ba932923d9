package dev.skeeter.ui.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * A JSON value in the tree viewer. Children are created when the node is first expanded, at most
 * {@link #MAX_CHILDREN} of them, so a 10 MB document opens at once. FX thread only.
 */
final class JsonTreeItem extends TreeItem<String> {
    static final int MAX_CHILDREN = 1_000;
    private final JsonNode node;
    private boolean loaded;

    JsonTreeItem(String label, JsonNode node) {
        super(label(label, node));
        this.node = node;
    }

    @Override
    public boolean isLeaf() {
        return node == null || !node.isContainerNode() || node.isEmpty();
    }

    @Override
    public ObservableList<TreeItem<String>> getChildren() {
        if (!loaded) {
            loaded = true;
            if (node != null && node.isContainerNode()) {
                super.getChildren().setAll(children());
            }
        }
        return super.getChildren();
    }

    private java.util.List<TreeItem<String>> children() {
        java.util.List<TreeItem<String>> items = new java.util.ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext() && items.size() < MAX_CHILDREN) {
                Map.Entry<String, JsonNode> f = fields.next();
                items.add(new JsonTreeItem(f.getKey(), f.getValue()));
            }
        } else {
            for (int i = 0; i < node.size() && items.size() < MAX_CHILDREN; i++) {
                items.add(new JsonTreeItem("[" + i + "]", node.get(i)));
            }
        }
        if (node.size() > MAX_CHILDREN) {
            items.add(new JsonTreeItem("… " + (node.size() - MAX_CHILDREN) + " more not shown (truncated)", null));
        }
        return items;
    }

    private static String label(String name, JsonNode node) {
        if (node == null) {
            return name;
        }
        if (node.isObject()) {
            return name + "  {" + node.size() + "}";
        }
        if (node.isArray()) {
            return name + "  [" + node.size() + "]";
        }
        String value = node.isTextual() ? '"' + node.asText() + '"' : node.toString();
        if (value.length() > 200) {
            value = value.substring(0, 200) + "…";
        }
        return name + ": " + value;
    }
}
