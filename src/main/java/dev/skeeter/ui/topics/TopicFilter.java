package dev.skeeter.ui.topics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which nodes a name filter shows: those whose topic contains the text (ignoring case) and every level above them.
 * Plain JDK; used on the tree's thread.
 */
public final class TopicFilter {
    private final String needle;
    private final Set<TopicNode> shown = new HashSet<>();

    /** Blank text shows everything. */
    public TopicFilter(String text) {
        this.needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isActive() {
        return !needle.isEmpty();
    }

    /** Walks the whole tree once; returns how many topics matched. */
    public int index(TopicTree tree) {
        shown.clear();
        int[] matched = {0};
        if (isActive()) {
            tree.forEach(tree.root(), n -> {
                if (!n.isRoot() && matches(n)) {
                    matched[0]++;
                    reveal(n);
                }
            });
        }
        return matched[0];
    }

    /**
     * Takes a node created after {@link #index}: returns the highest node that became visible because of it (the one
     * to insert under its parent), or null when nothing new shows.
     */
    public TopicNode admit(TopicNode created) {
        if (!isActive()) {
            return created;
        }
        if (!matches(created)) {
            return null;
        }
        return reveal(created);
    }

    public boolean shows(TopicNode node) {
        return !isActive() || node.isRoot() || shown.contains(node);
    }

    /** How many nodes show (matches and the levels above them); 0 when inactive. */
    public int shownCount() {
        return shown.size();
    }

    private boolean matches(TopicNode n) {
        return n.topic().toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Marks {@code n} and its ancestors shown; returns the highest one that was not shown before, or null. */
    private TopicNode reveal(TopicNode n) {
        TopicNode highest = null;
        for (TopicNode p = n; p != null && !p.isRoot() && shown.add(p); p = p.parent()) {
            highest = p;
        }
        return highest;
    }
}
