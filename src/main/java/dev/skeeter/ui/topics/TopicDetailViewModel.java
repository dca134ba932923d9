package dev.skeeter.ui.topics;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.ui.subscribe.MessageDetailViewModel;
import dev.skeeter.ui.subscribe.MessageRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected topic: its last message (in the Subscribe pane's viewers), its kept history (newest first), the diff
 * against the previous payload, its numeric fields for the chart, and deleting retained messages at it or below it.
 * Follows the selection and every applied batch. FX thread only.
 */
public final class TopicDetailViewModel {
    /** The chart's choice for a payload that is itself a number. */
    public static final String WHOLE_PAYLOAD = "";

    private final TopicsViewModel topics;
    private final MessageDetailViewModel message;
    private final ObservableList<ReceivedMessage> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PayloadDiff.Result> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ObservableList<String> numericFields = FXCollections.observableArrayList();
    private final StringProperty chartField = new SimpleStringProperty(this, "chartField", WHOLE_PAYLOAD);
    private final TopicChartModel chart = new TopicChartModel();
    private final RetainedCleaner cleaner;
    private final ReadOnlyObjectWrapper<RetainedCleaner.Report> lastCleanup =
            new ReadOnlyObjectWrapper<>(this, "lastCleanup");
    private ReceivedMessage shownLast;

    public TopicDetailViewModel(TopicsViewModel topics) {
        this(topics, Duration.ofSeconds(1));
    }

    /** @param settle how long retained messages may take to arrive after a SUBACK (clean-up checks) */
    TopicDetailViewModel(TopicsViewModel topics, Duration settle) {
        this.topics = topics;
        this.message = new MessageDetailViewModel(topics.fx(), topics.background());
        this.cleaner = new RetainedCleaner(topics.connection(), settle);
        topics.selectedProperty().addListener((o, was, now) -> show(now));
        topics.onBatch(created -> {
            TopicNode node = topics.selectedProperty().get();
            if (created == null) {
                chart.clear();
            }
            if (node != null && node.last() != shownLast) {
                show(node);
            }
        });
        topics.onMessages(chart::accept);
    }

    /** The selected topic's last message, in the Subscribe pane's viewers. */
    public MessageDetailViewModel message() {
        return message;
    }

    /** Kept payloads of the selected topic, newest first. */
    public ObservableList<ReceivedMessage> history() {
        return history;
    }

    /** The last payload against the one before it; null when there is no previous payload. */
    public ReadOnlyObjectProperty<PayloadDiff.Result> diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** What the chart can plot of the selected topic: {@link #WHOLE_PAYLOAD} and/or JSON pointers. */
    public ObservableList<String> numericFields() {
        return numericFields;
    }

    public StringProperty chartFieldProperty() {
        return chartField;
    }

    public TopicChartModel chart() {
        return chart;
    }

    /** Charts the selected topic's chosen field; several topics share the chart. False when nothing is numeric. */
    public boolean addToChart() {
        TopicNode node = topics.selectedProperty().get();
        String field = chartField.get() == null ? WHOLE_PAYLOAD : chartField.get();
        if (node == null || node.last() == null || !numericFields.contains(field)) {
            topics.setStatus(node == null ? "Select a topic to chart" : "No number to chart in " + node.topic());
            return false;
        }
        chart.add(node, field);
        return true;
    }

    private void show(TopicNode node) {
        shownLast = node == null ? null : node.last();
        message.rowProperty().set(shownLast == null ? null : MessageRow.of(shownLast));
        List<ReceivedMessage> kept = node == null ? List.of() : node.history();
        List<ReceivedMessage> newestFirst = new ArrayList<>(kept);
        Collections.reverse(newestFirst);
        history.setAll(newestFirst);
        ReceivedMessage previous = node == null ? null : node.previous();
        diff.set(previous == null ? null : PayloadDiff.diff(previous.payload(), shownLast.payload()));
        List<String> fields = new ArrayList<>();
        if (shownLast != null) {
            if (NumericValue.of(shownLast.payload(), WHOLE_PAYLOAD).isPresent()) {
                fields.add(WHOLE_PAYLOAD);
            }
            fields.addAll(NumericValue.numericFields(shownLast.payload()));
        }
        if (!fields.equals(numericFields)) {
            String keep = chartField.get();
            numericFields.setAll(fields);
            chartField.set(fields.contains(keep) ? keep : fields.isEmpty() ? WHOLE_PAYLOAD : fields.get(0));
        }
    }

    // ---- retained messages ------------------------------------------------------------------------------------

    /** The outcome of the last delete, for the status line and tests; null before the first. */
    public ReadOnlyObjectProperty<RetainedCleaner.Report> lastCleanupProperty() {
        return lastCleanup.getReadOnlyProperty();
    }

    /** The selected topic, or null. */
    public String selectedTopic() {
        TopicNode node = topics.selectedProperty().get();
        return node == null || node.isRoot() ? null : node.topic();
    }

    /** How many retained messages the tree knows at and below the selected node (for the confirmation). */
    public int knownRetainedBelow() {
        TopicNode node = topics.selectedProperty().get();
        return node == null ? 0 : topics.tree().retainedUnder(node).size();
    }

    /** Deletes the selected topic's retained message (an empty retained publish). */
    public CompletableFuture<RetainedCleaner.Report> deleteRetained() {
        return delete(false);
    }

    /** Deletes every retained message at and below the selected node; ask the user first. */
    public CompletableFuture<RetainedCleaner.Report> deleteRetainedBelow() {
        return delete(true);
    }

    private CompletableFuture<RetainedCleaner.Report> delete(boolean below) {
        TopicNode node = topics.selectedProperty().get();
        if (node == null || node.isRoot()) {
            return CompletableFuture.failedFuture(new IllegalStateException("No topic selected"));
        }
        if (topics.connection().state() != ConnectionState.CONNECTED) {
            topics.setStatus("Connect first: deleting a retained message is a publish");
            return CompletableFuture.failedFuture(new IllegalStateException("Not connected"));
        }
        List<String> known = below ? topics.tree().retainedUnder(node).stream().map(TopicNode::topic).toList()
                : List.of(node.topic());
        String where = below ? "at and below " + node.topic() : "at " + node.topic();
        topics.setStatus("Deleting retained messages " + where + "…");
        CompletableFuture<RetainedCleaner.Report> done =
                cleaner.clear(known, below ? List.of(node.topic() + "/#") : List.of(node.topic()));
        done.whenComplete((report, error) -> topics.fx().execute(() -> {
            if (error != null) {
                topics.setStatus("Deleting retained messages " + where + " failed: "
                        + dev.skeeter.ui.common.Errors.rootMessage(error));
                return;
            }
            for (String t : report.cleared()) {
                TopicNode n = topics.tree().find(t);
                if (n != null && !report.cameBack().contains(t)) {
                    n.forgetRetained();
                }
            }
            lastCleanup.set(report);
            topics.setStatus(report.text(where));
        }));
        return done;
    }
}
