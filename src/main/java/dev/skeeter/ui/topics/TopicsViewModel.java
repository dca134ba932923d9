package dev.skeeter.ui.topics;

import static dev.skeeter.ui.common.Errors.rootMessage;

import dev.skeeter.client.ConnectionFailure;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.ui.common.FxBatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Topics tab's state: a {@link TopicTree} built from everything the workspace's connection receives, whatever
 * subscription brought it. The connection listener only offers each message to a bounded, paced {@link FxBatcher}
 * (its one drop counter is shown); the FX thread applies a batch at most ten times a second. FX thread only, except
 * the listener.
 */
public final class TopicsViewModel {
    static final Duration DRAIN_INTERVAL = Duration.ofMillis(100);
    static final int QUEUE_CAPACITY = 100_000;
    public static final String ALL = "#";
    public static final String SYS = "$SYS/#";
    /** How long a node whose payload changed stays highlighted. */
    public static final long HIGHLIGHT_NANOS = 1_000_000_000L;

    private final MqttConnection connection;
    private final Executor fx;
    private final TopicTree tree = new TopicTree();
    private final FxBatcher<ReceivedMessage> batcher;
    private final List<Consumer<List<TopicNode>>> batchListeners = new ArrayList<>();
    private final List<Consumer<List<ReceivedMessage>>> messageListeners = new ArrayList<>();
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void messageArrived(ReceivedMessage message) {
            batcher.offer(message);
        }

        @Override
        public void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
            if (current == ConnectionState.CONNECTED) {
                fx.execute(TopicsViewModel.this::subscribeMissing);
            }
        }
    };

    private final BooleanProperty subscribeAll = new SimpleBooleanProperty(this, "subscribeAll");
    private final BooleanProperty subscribeSys = new SimpleBooleanProperty(this, "subscribeSys");
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final IntegerProperty maxNodes = new SimpleIntegerProperty(this, "maxNodes", TopicTree.DEFAULT_MAX_NODES);
    private final IntegerProperty historyPerNode =
            new SimpleIntegerProperty(this, "historyPerNode", TopicTree.DEFAULT_HISTORY);
    private final ObjectProperty<TopicNode> selected = new SimpleObjectProperty<>(this, "selected");
    private final Executor background;
    private final ReadOnlyIntegerWrapper nodes = new ReadOnlyIntegerWrapper(this, "nodes");
    private final ReadOnlyLongWrapper messages = new ReadOnlyLongWrapper(this, "messages");
    private final ReadOnlyLongWrapper notKept = new ReadOnlyLongWrapper(this, "notKept");
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper(this, "dropped");
    private final ReadOnlyLongWrapper batches = new ReadOnlyLongWrapper(this, "batches");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public TopicsViewModel(MqttConnection connection, Executor fx, Executor background) {
        this(connection, fx, background, DRAIN_INTERVAL);
    }

    /** With a chosen pace: tests drain on every message ({@link Duration#ZERO}) with a direct executor. */
    TopicsViewModel(MqttConnection connection, Executor fx, Executor background, Duration drainInterval) {
        this.connection = connection;
        this.fx = fx;
        this.background = background;
        this.batcher = new FxBatcher<>(fx, QUEUE_CAPACITY, drainInterval, this::onBatch);
        subscribeAll.addListener((o, was, now) -> changeSubscription(ALL, now));
        subscribeSys.addListener((o, was, now) -> changeSubscription(SYS, now));
        maxNodes.addListener((o, was, now) -> {
            tree.setMaxNodes(Math.max(1, now.intValue()));
            publishCounters();
        });
        historyPerNode.addListener((o, was, now) -> tree.setHistoryPerNode(Math.max(1, now.intValue())));
        connection.addListener(listener);
    }

    public TopicTree tree() {
        return tree;
    }

    /** Runs after each applied batch on the FX thread with the nodes it created (each after its parent). */
    public void onBatch(Consumer<List<TopicNode>> createdNodes) {
        batchListeners.add(createdNodes);
    }

    /** Runs after each applied batch on the FX thread with its messages (charts follow their topics this way). */
    public void onMessages(Consumer<List<ReceivedMessage>> batch) {
        messageListeners.add(batch);
    }

    private void onBatch(List<ReceivedMessage> batch) {
        List<TopicNode> created = tree.apply(batch, System.nanoTime());
        batches.set(batches.get() + 1);
        publishCounters();
        for (Consumer<List<TopicNode>> l : batchListeners) {
            l.accept(created);
        }
        for (Consumer<List<ReceivedMessage>> l : messageListeners) {
            l.accept(batch);
        }
    }

    private void publishCounters() {
        nodes.set(tree.size());
        messages.set(tree.messages());
        notKept.set(tree.notKept());
        dropped.set(batcher.dropped());
    }

    // ---- subscribing ------------------------------------------------------------------------------------------

    /** Subscribes {@code #} for this tab while true (the tree also shows what the Subscribe pane brings in). */
    public BooleanProperty subscribeAllProperty() {
        return subscribeAll;
    }

    /** Adds {@code $SYS/#}, which {@code #} does not match [MQTT-4.7.2-1]. */
    public BooleanProperty subscribeSysProperty() {
        return subscribeSys;
    }

    private void changeSubscription(String filter, boolean on) {
        if (connection.state() != ConnectionState.CONNECTED) {
            status.set(on ? filter + " subscribes on connect" : "");
            return;
        }
        CompletableFuture<?> done;
        try {
            done = on ? connection.subscribe(List.of(new SubscriptionRequest(filter, 0)))
                    : connection.unsubscribe(List.of(filter));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        status.set((on ? "Subscribing " : "Unsubscribing ") + filter + "…");
        done.whenComplete((granted, error) -> fx.execute(() -> {
            if (error != null) {
                status.set((on ? "Subscribing " : "Unsubscribing ") + filter + " failed: " + rootMessage(error));
            } else if (on && granted instanceof List<?> codes && !codes.isEmpty()
                    && Integer.valueOf(0x80).equals(codes.get(0))) {
                status.set("The broker refused " + filter);
            } else {
                status.set(on ? "Subscribed to " + filter : "Unsubscribed from " + filter);
            }
        }));
    }

    /** On every connect: the tab's filters the connection does not hold are sent again. */
    void subscribeMissing() {
        var active = connection.activeSubscriptions();
        if (subscribeAll.get() && !active.containsKey(ALL)) {
            changeSubscription(ALL, true);
        }
        if (subscribeSys.get() && !active.containsKey(SYS)) {
            changeSubscription(SYS, true);
        }
    }

    // ---- the tree ---------------------------------------------------------------------------------------------

    /** Shows topics containing this text (ignoring case) and the levels above them. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The most nodes kept; messages on topics beyond it are counted in {@link #notKeptProperty()}. */
    public IntegerProperty maxNodesProperty() {
        return maxNodes;
    }

    /** Payloads kept per topic for its history, diff and chart. */
    public IntegerProperty historyPerNodeProperty() {
        return historyPerNode;
    }

    public ObjectProperty<TopicNode> selectedProperty() {
        return selected;
    }

    /** Forgets every topic and count (the broker's retained messages come back on the next subscribe). */
    public void clear() {
        batcher.discardPending();
        tree.clear();
        selected.set(null);
        publishCounters();
        for (Consumer<List<TopicNode>> l : batchListeners) {
            l.accept(null); // null: rebuild from scratch
        }
    }

    public ReadOnlyIntegerProperty nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty notKeptProperty() {
        return notKept.getReadOnlyProperty();
    }

    /** Messages the batcher could not queue (the FX thread fell more than its capacity behind). */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty batchesProperty() {
        return batches.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setStatus(String text) {
        status.set(text);
    }

    MqttConnection connection() {
        return connection;
    }

    Executor fx() {
        return fx;
    }

    Executor background() {
        return background;
    }

    /** True while the node's payload changed less than {@link #HIGHLIGHT_NANOS} ago. */
    public static boolean highlighted(TopicNode node, long nowNanos) {
        return node.ownCount() > 0 && nowNanos - node.changedNanos() < HIGHLIGHT_NANOS;
    }

    /** Stops listening to the connection (the workspace closes). */
    public void dispose() {
        connection.removeListener(listener);
    }
}
