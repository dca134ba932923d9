package dev.skeeter.ui.topics;

import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.ui.subscribe.MessageRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;

/**
 * A cell of the topic tree. Its item is the node itself, which changes in place, so the view calls
 * {@link #refresh} on every live cell after each batch (a few dozen cells, instead of rebuilding them). FX thread
 * only.
 */
final class TopicCell extends TreeTableCell<TopicNode, TopicNode> {
    enum Kind { NAME, COUNT, VALUE, TIME }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Kind kind;
    private final Label retainedBadge = new Label("R");
    private ReceivedMessage previewOf;
    private String preview;

    TopicCell(Kind kind, List<TopicCell> live) {
        this.kind = kind;
        live.add(this);
        retainedBadge.getStyleClass().add("retained-badge");
        retainedBadge.setTooltip(new javafx.scene.control.Tooltip("The broker holds a retained message here"));
        getStyleClass().add("topic-cell-" + kind.name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void updateItem(TopicNode node, boolean empty) {
        super.updateItem(node, empty);
        refresh(System.nanoTime());
    }

    void refresh(long nowNanos) {
        TopicNode node = isEmpty() ? null : getItem();
        if (node == null) {
            setText(null);
            setGraphic(null);
            getStyleClass().remove("changed");
            return;
        }
        ReceivedMessage last = node.last();
        switch (kind) {
            case NAME -> {
                setText(node.name().isEmpty() ? "(empty level)" : node.name());
                setGraphic(node.retained() ? retainedBadge : null);
            }
            case COUNT -> setText(String.format(Locale.ROOT, "%,d", node.totalCount()));
            case VALUE -> setText(last == null ? "" : preview(last));
            case TIME -> setText(last == null ? "" : TIME.format(last.arrival()));
        }
        boolean changed = kind != Kind.COUNT && TopicsViewModel.highlighted(node, nowNanos);
        if (changed != getStyleClass().contains("changed")) {
            if (changed) {
                getStyleClass().add("changed");
            } else {
                getStyleClass().remove("changed");
            }
        }
    }

    private String preview(ReceivedMessage last) {
        if (last != previewOf) {
            previewOf = last;
            preview = last.payload().length == 0 ? "(empty)" : MessageRow.of(last).preview();
        }
        return preview;
    }
}
