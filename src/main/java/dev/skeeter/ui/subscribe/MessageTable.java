package dev.skeeter.ui.subscribe;

import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The rows of the message table: the newest {@link #maxRowsProperty()} messages in arrival order, oldest first,
 * with a filtered view for search. Adding a batch costs one list change whatever its size. FX thread only.
 */
public final class MessageTable {
    private final ObservableList<MessageRow> rows = FXCollections.observableArrayList();
    private final FilteredList<MessageRow> visible = new FilteredList<>(rows);
    private final IntegerProperty maxRows;
    private final ReadOnlyLongWrapper trimmed = new ReadOnlyLongWrapper();

    public MessageTable(int maxRows) {
        this.maxRows = new SimpleIntegerProperty(Math.max(1, maxRows));
        this.maxRows.addListener((obs, was, now) -> trimTo(now.intValue()));
    }

    /** Adds a batch; the oldest rows beyond the bound are trimmed and counted. */
    public void addAll(List<MessageRow> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int max = maxRows.get();
        List<MessageRow> fresh = batch.size() > max ? batch.subList(batch.size() - max, batch.size()) : batch;
        trimmed.set(trimmed.get() + batch.size() - fresh.size());
        int overflow = rows.size() + fresh.size() - max;
        if (overflow > 0) {
            // One removal and one addition: two list changes for the whole batch.
            rows.remove(0, overflow);
            trimmed.set(trimmed.get() + overflow);
        }
        rows.addAll(fresh);
    }

    /** Removes every row; returns how many were removed. Cleared rows are not counted as trimmed. */
    public int clear() {
        int n = rows.size();
        rows.clear();
        return n;
    }

    public void setFilter(Predicate<MessageRow> filter) {
        visible.setPredicate(filter);
    }

    /** Every kept row, oldest first. */
    public ObservableList<MessageRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The kept rows that pass the search filter: what the table shows. */
    public ObservableList<MessageRow> visibleRows() {
        return visible;
    }

    public IntegerProperty maxRowsProperty() {
        return maxRows;
    }

    /** Rows dropped off the top to stay within the bound, since creation. */
    public ReadOnlyLongProperty trimmedProperty() {
        return trimmed.getReadOnlyProperty();
    }

    private void trimTo(int max) {
        int overflow = rows.size() - Math.max(1, max);
        if (overflow > 0) {
            rows.remove(0, overflow);
            trimmed.set(trimmed.get() + overflow);
        }
    }
}
