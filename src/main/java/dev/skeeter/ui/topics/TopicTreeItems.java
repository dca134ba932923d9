package dev.skeeter.ui.topics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * The {@link TreeItem}s that mirror a {@link TopicTree}, made lazily: a node's children get items only once it is
 * expanded (until then one placeholder child gives it its disclosure arrow), so 100,000 topics cost items only for
 * what the user opened. Each applied batch inserts the new nodes whose parent is open, in name order, one list
 * change per parent. FX thread only.
 */
final class TopicTreeItems {
    /** Expanding more than this many nodes at once would fill the screen with nothing readable. */
    static final int EXPAND_LIMIT = 2_000;

    private final TopicTree tree;
    private final Map<TopicNode, TopicItem> items = new HashMap<>();
    private TopicFilter filter = new TopicFilter("");
    private TopicItem root;

    TopicTreeItems(TopicTree tree) {
        this.tree = tree;
        rebuild();
    }

    TreeItem<TopicNode> root() {
        return root;
    }

    TopicItem itemOf(TopicNode node) {
        return items.get(node);
    }

    /** Shows only topics containing {@code text} and the levels above them, opened (up to a limit). */
    int setFilter(String text) {
        filter = new TopicFilter(text);
        int matched = filter.index(tree);
        rebuild();
        if (filter.isActive() && filter.shownCount() <= EXPAND_LIMIT) {
            expandAll(root, EXPAND_LIMIT);
        }
        return matched;
    }

    /** Starts again from the tree as it is (after a clear, or a new filter). */
    void rebuild() {
        items.clear();
        root = new TopicItem(tree.root());
        root.setExpanded(true);
    }

    /** Inserts the items of newly created nodes under parents that are open; null rebuilds everything. */
    void created(List<TopicNode> created) {
        if (created == null) {
            if (filter.isActive()) {
                filter.index(tree);
            }
            rebuild();
            return;
        }
        Map<TopicItem, List<TopicNode>> byParent = new LinkedHashMap<>();
        for (TopicNode n : created) {
            TopicNode top = filter.admit(n);
            if (top == null) {
                continue;
            }
            TopicItem parent = items.get(top.parent());
            if (parent == null) {
                continue; // its parent has no item: nothing of it is on screen yet
            }
            if (parent.populated) {
                if (!items.containsKey(top)) {
                    byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(top);
                }
            } else if (parent.getChildren().isEmpty()) {
                parent.getChildren().add(new TreeItem<>()); // the placeholder: it has children now
            }
        }
        byParent.forEach(this::insertSorted);
    }

    private void insertSorted(TopicItem parent, List<TopicNode> added) {
        added.sort(TopicNode.BY_NAME);
        ObservableList<TreeItem<TopicNode>> children = parent.getChildren();
        if (added.size() == 1) {
            int lo = 0;
            int hi = children.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (TopicNode.BY_NAME.compare(children.get(mid).getValue(), added.get(0)) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            children.add(lo, new TopicItem(added.get(0)));
            return;
        }
        List<TreeItem<TopicNode>> merged = new ArrayList<>(children.size() + added.size());
        int i = 0;
        for (TopicNode n : added) {
            while (i < children.size() && TopicNode.BY_NAME.compare(children.get(i).getValue(), n) < 0) {
                merged.add(children.get(i++));
            }
            merged.add(new TopicItem(n));
        }
        while (i < children.size()) {
            merged.add(children.get(i++));
        }
        children.setAll(merged); // one change for the whole batch
    }

    /** Opens {@code from} and the levels below it, at most {@code limit} of them; returns how many it opened. */
    int expandAll(TreeItem<TopicNode> from, int limit) {
        int opened = 0;
        List<TreeItem<TopicNode>> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty() && opened < limit) {
            TreeItem<TopicNode> item = todo.remove(todo.size() - 1);
            if (!item.isLeaf() && item.getValue() != null) {
                item.setExpanded(true);
                opened++;
                List<TreeItem<TopicNode>> kids = new ArrayList<>(item.getChildren());
                Collections.reverse(kids);
                todo.addAll(kids);
            }
        }
        return opened;
    }

    /** Closes {@code from} and every open level below it. */
    void collapseAll(TreeItem<TopicNode> from) {
        List<TreeItem<TopicNode>> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            TreeItem<TopicNode> item = todo.remove(todo.size() - 1);
            if (item.isExpanded()) {
                item.setExpanded(false);
                todo.addAll(item.getChildren());
            }
        }
        root.setExpanded(true);
    }

    /** Opens the levels above {@code node} so it has an item; returns it, or null when the filter hides it. */
    TreeItem<TopicNode> reveal(TopicNode node) {
        List<TopicNode> path = new ArrayList<>();
        for (TopicNode n = node; n != null && !n.isRoot(); n = n.parent()) {
            path.add(0, n);
        }
        TopicItem item = root;
        for (TopicNode n : path) {
            item.setExpanded(true);
            item = items.get(n);
            if (item == null) {
                return null;
            }
        }
        return item;
    }

    int itemCount() {
        return items.size();
    }

    /** One node's item; its children get items when it is first expanded. */
    final class TopicItem extends TreeItem<TopicNode> {
        private boolean populated;

        TopicItem(TopicNode node) {
            super(node);
            items.put(node, this);
            if (hasShownChildren(node)) {
                getChildren().add(new TreeItem<>());
            }
            expandedProperty().addListener((o, was, now) -> {
                if (now) {
                    populate();
                }
            });
        }

        private void populate() {
            if (populated) {
                return;
            }
            populated = true;
            List<TreeItem<TopicNode>> kids = new ArrayList<>();
            for (TopicNode child : getValue().sortedChildren()) {
                if (filter.shows(child)) {
                    kids.add(new TopicItem(child));
                }
            }
            getChildren().setAll(kids);
        }

        private boolean hasShownChildren(TopicNode node) {
            if (!filter.isActive()) {
                return node.hasChildren();
            }
            for (TopicNode child : node.childrenUnsorted()) {
                if (filter.shows(child)) {
                    return true;
                }
            }
            return false;
        }
    }
}
