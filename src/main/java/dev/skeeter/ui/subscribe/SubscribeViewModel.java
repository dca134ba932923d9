package dev.skeeter.ui.subscribe;

import static dev.skeeter.ui.common.Errors.rootMessage;

import dev.skeeter.client.ConnectionFailure;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.profiles.AppState;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.StateSaver;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.FxBatcher;
import dev.skeeter.ui.common.TopicsSeen;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The Subscribe pane's state and actions. FX thread only, except the connection listener, which runs on the
 * connection's thread: it counts, takes the subscriptions the connection matched (it never matches again), wraps
 * the message in a row and hands it to a bounded {@link FxBatcher} drained at most ten times a second. That queue
 * is the only place between the connection and the table where a message can be dropped, so there is one drop
 * counter. Counts always add up: {@code received = shown + trimmed + dropped + paused + muted + cleared}.
 */
public final class SubscribeViewModel {
    static final Duration DRAIN_INTERVAL = Duration.ofMillis(100);
    static final int QUEUE_CAPACITY = 50_000;

    private final MqttConnection connection;
    private final AppStateStore state;
    private final Executor fx;
    private final Executor background;
    private final FileChooserService files;
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void messageArrived(ReceivedMessage message) {
            onMessage(message);
        }

        @Override
        public void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
            if (current == ConnectionState.CONNECTED) {
                fx.execute(subscriptions::subscribeMissing);
            } else if (current == ConnectionState.DISCONNECTED) {
                fx.execute(subscriptions::markForgotten);
            }
        }
    };
    private final FxBatcher<MessageRow> batcher;
    private final TopicsSeen topicsSeen;
    private final AtomicLong receivedCount = new AtomicLong();
    private final AtomicLong pausedCount = new AtomicLong();
    private final AtomicLong mutedCount = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean pausedNow;

    private final SubscriptionList subscriptions;
    private final MessageTable table;
    private final MessageDetailViewModel detail;
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty followNewest = new SimpleBooleanProperty(true);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<MessageSearch.Scope> searchScope =
            new SimpleObjectProperty<>(MessageSearch.Scope.TOPIC_AND_PAYLOAD);
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper skippedWhilePaused = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper muted = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper cleared = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyLongWrapper batches = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /** @param topicsSeen the workspace's topics, for completion in the filter field */
    public SubscribeViewModel(MqttConnection connection, Profile profile, TopicsSeen topicsSeen, AppStateStore state,
                              Executor fx, Executor background, FileChooserService files) {
        this(connection, profile, topicsSeen, state, fx, background, files, DRAIN_INTERVAL);
    }

    /** With a chosen pace: tests drain on every message ({@link Duration#ZERO}) with a direct executor. */
    SubscribeViewModel(MqttConnection connection, Profile profile, TopicsSeen topicsSeen, AppStateStore state,
                       Executor fx, Executor background, FileChooserService files, Duration drainInterval) {
        this.connection = connection;
        this.topicsSeen = topicsSeen;
        this.state = state;
        this.fx = fx;
        this.background = background;
        this.files = files;
        this.table = new MessageTable(state.state().messageTableRowLimit());
        this.detail = new MessageDetailViewModel(fx, background);
        this.batcher = new FxBatcher<>(fx, QUEUE_CAPACITY, drainInterval, this::onBatch);
        shown.bind(Bindings.size(table.rows()));
        paused.addListener((obs, was, now) -> pausedNow = now);
        searchText.addListener((obs, was, now) -> applySearch());
        searchScope.addListener((obs, was, now) -> applySearch());
        table.maxRowsProperty().addListener((obs, was, now) -> {
            int rows = now.intValue();
            persist(s -> s.withMessageTableRowLimit(rows));
        });
        this.subscriptions = new SubscriptionList(connection, profile, state, new StateSaver(state, background, fx,
                status::set), fx, status::set);
        connection.addListener(listener);
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    /** Empties the table and the queue; counts what was removed so the totals still add up. */
    public void clear() {
        long removed = table.clear() + batcher.discardPending();
        cleared.set(cleared.get() + removed);
        detail.rowProperty().set(null);
        status.set("Cleared " + removed + " messages");
    }

    /** Exports what the table shows (the search filter applies). */
    public void exportShown(ExportFormat format) {
        export(List.copyOf(table.visibleRows()), format);
    }

    public void export(List<MessageRow> rows, ExportFormat format) {
        Optional<java.nio.file.Path> target = files.save("Export " + rows.size() + " messages",
                format.defaultName(), format.pattern());
        if (target.isEmpty()) {
            return;
        }
        List<ReceivedMessage> messages = rows.stream().map(MessageRow::message).toList();
        status.set("Exporting " + messages.size() + " messages…");
        background.execute(() -> {
            String result;
            try {
                MessageExporter.write(target.get(), messages, format);
                result = "Exported " + messages.size() + " messages to " + target.get().getFileName();
            } catch (IOException | RuntimeException e) {
                result = "Export failed: " + rootMessage(e);
            }
            String text = result;
            fx.execute(() -> status.set(text));
        });
    }

    /** Stops listening to the connection; the workspace calls it when it closes. */
    public void dispose() {
        connection.removeListener(listener);
    }

    // ---- network thread -----------------------------------------------------------------------------------------

    void onMessage(ReceivedMessage message) {
        List<SubscriptionItem> matched = subscriptions.matched(message);
        if (matched.isEmpty() && !message.matchedFilters().isEmpty()) {
            return; // another tab's subscription (Broker Status's $SYS/#): not this pane's message
        }
        receivedCount.incrementAndGet();
        SubscriptionItem colourSource = null;
        for (SubscriptionItem item : matched) {
            item.arrived.incrementAndGet();
            if (colourSource == null && !item.mutedNow) {
                colourSource = item;
            }
        }
        if (pausedNow) {
            pausedCount.incrementAndGet();
            batcher.poke();
        } else if (colourSource == null && !matched.isEmpty()) {
            mutedCount.incrementAndGet();
            batcher.poke();
        } else {
            batcher.offer(new MessageRow(sequence.incrementAndGet(), message, colourSource));
        }
    }

    // ---- FX thread ----------------------------------------------------------------------------------------------

    private void onBatch(List<MessageRow> batch) {
        if (paused.get()) {
            // Rows queued before the click: the table must stop moving the moment Pause is pressed.
            pausedCount.addAndGet(batch.size());
        } else {
            table.addAll(batch);
        }
        batches.set(batches.get() + 1);
        received.set(receivedCount.get());
        dropped.set(batcher.dropped());
        skippedWhilePaused.set(pausedCount.get());
        muted.set(mutedCount.get());
        subscriptions.refreshCounts();
    }

    private void applySearch() {
        table.setFilter(MessageSearch.predicate(searchText.get(), searchScope.get()));
    }

    /** Divider positions the user left a split of this pane at (the same for every workspace); empty when none. */
    public List<Double> dividers(String splitId) {
        return state.state().window().dividerPositions().getOrDefault(splitId, List.of());
    }

    public void rememberDividers(String splitId, List<Double> positions) {
        persist(s -> s.withWindow(s.window().withDividers(splitId, positions)));
    }

    /** Saves off the FX thread; a failed write is reported, the state in memory keeps the change. */
    private void persist(UnaryOperator<AppState> change) {
        new StateSaver(state, background, fx, status::set).save(change);
    }


    // ---- properties ---------------------------------------------------------------------------------------------

    /** The pane's subscriptions and the form that adds one. */
    public SubscriptionList subscriptionList() { return subscriptions; }
    public boolean addSubscription() { return subscriptions.add(); }
    public void unsubscribe(SubscriptionItem item) { subscriptions.remove(item); }
    public StringProperty filterTextProperty() { return subscriptions.filterTextProperty(); }
    public IntegerProperty filterQosProperty() { return subscriptions.filterQosProperty(); }
    public ReadOnlyStringProperty filterErrorProperty() { return subscriptions.filterErrorProperty(); }
    public ObservableList<SubscriptionItem> subscriptions() { return subscriptions.items(); }
    public MessageTable table() { return table; }
    public MessageDetailViewModel detail() { return detail; }
    public BooleanProperty pausedProperty() { return paused; }
    /** True while the table scrolls to each new message; the view clears it when the user scrolls or selects. */
    public BooleanProperty followNewestProperty() { return followNewest; }
    public StringProperty searchTextProperty() { return searchText; }
    public ObjectProperty<MessageSearch.Scope> searchScopeProperty() { return searchScope; }
    public ReadOnlyLongProperty receivedProperty() { return received.getReadOnlyProperty(); }
    /** Messages lost because the queue to the FX thread overflowed: the only place the client drops any. */
    public ReadOnlyLongProperty droppedProperty() { return dropped.getReadOnlyProperty(); }
    public ReadOnlyLongProperty trimmedProperty() { return table.trimmedProperty(); }
    public ReadOnlyLongProperty skippedWhilePausedProperty() { return skippedWhilePaused.getReadOnlyProperty(); }
    public ReadOnlyLongProperty mutedProperty() { return muted.getReadOnlyProperty(); }
    public ReadOnlyLongProperty clearedProperty() { return cleared.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty shownProperty() { return shown.getReadOnlyProperty(); }
    /** Drains so far (for the benchmark: at most ten a second). */
    public ReadOnlyLongProperty batchesProperty() { return batches.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public TopicsSeen topicsSeen() { return topicsSeen; }
    Executor background() { return background; }
}
