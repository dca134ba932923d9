package dev.skeeter.ui.status;

import dev.skeeter.client.ConnectionFailure;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.FxBatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Broker Status tab of one workspace: subscribes to {@code $SYS/#} when first opened, feeds what arrives to a
 * {@link SysModel} in paced batches (one {@link FxBatcher}, never one task per message), and says in words when
 * {@code $SYS} is refused or silent. FX thread only; the connection's listener only enqueues.
 */
public final class BrokerStatusViewModel {
    public static final String FILTER = "$SYS/#";
    /** Enough for an hour at one round a second, the shortest sys_interval mosquitto allows. */
    static final int CAPACITY = 4_000;
    static final Duration PACE = Duration.ofMillis(200);
    private static final int REFUSED = 0x80;

    /** Where the tab stands; the view shows {@link #problemProperty} in place of empty charts when it is not fine. */
    public enum Phase { CLOSED, NOT_CONNECTED, SUBSCRIBING, SUBSCRIBED, DENIED, FAILED }

    private record SysMessage(String topic, byte[] payload, boolean retained, long time) {
    }

    private final MqttConnection connection;
    private final Supplier<String> name;
    private final Executor fx;
    private final StatusExports exports;
    private final LongSupplier clock;
    private final StatusBoard board;
    private final SysModel model = new SysModel(CAPACITY);
    private final FxBatcher<SysMessage> batcher;
    private final ConnectionListener listener = new ConnectionListener() {
        @Override
        public void messageArrived(ReceivedMessage m) {
            if (m.topic().startsWith("$SYS/")) {
                batcher.offer(new SysMessage(m.topic(), m.payload(), m.retained(), m.arrival().toEpochMilli()));
            }
        }

        @Override
        public void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure failure) {
            fx.execute(() -> onState(current));
        }
    };

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.CLOSED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper schema = new ReadOnlyStringWrapper(this, "schema", SysSchema.UNKNOWN.label());
    private final ReadOnlyObjectWrapper<Cards> cards = new ReadOnlyObjectWrapper<>(this, "cards", Cards.NONE);
    private final ObservableList<String> nodes = FXCollections.observableArrayList();
    private final StringProperty selectedNode = new SimpleStringProperty(this, "selectedNode", "");
    private final ObjectProperty<ChartWindow> window = new SimpleObjectProperty<>(this, "window", ChartWindow.FIVE_MINUTES);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyLongWrapper topicCount = new ReadOnlyLongWrapper(this, "topicCount");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<BrokerStatusViewModel> overlays = FXCollections.observableArrayList();
    private final ObservableList<String> chartedTopics = FXCollections.observableArrayList();
    private long subscribedAt;
    private boolean hadData;

    /**
     * @param name       the workspace's name, for legends when another dashboard overlays this one
     * @param board      the dashboards open in the app (for overlays)
     * @param clock      epoch milliseconds, comparable with messages' arrival times
     */
    public BrokerStatusViewModel(MqttConnection connection, Supplier<String> name, StatusBoard board, Executor fx,
            Executor background, FileChooserService files, LongSupplier clock) {
        this(connection, name, board, fx, background, files, clock, PACE);
    }

    BrokerStatusViewModel(MqttConnection connection, Supplier<String> name, StatusBoard board, Executor fx,
            Executor background, FileChooserService files, LongSupplier clock, Duration pace) {
        this.connection = connection;
        this.name = name;
        this.board = board;
        this.fx = fx;
        this.exports = new StatusExports(files, background, fx, status::set);
        this.clock = clock;
        this.batcher = new FxBatcher<>(fx, 20_000, pace, this::onBatch);
        paused.addListener((obs, was, now) -> refresh());
        selectedNode.addListener((obs, was, now) -> refresh());
        board.open().add(this);
    }

    /** The tab was shown: the first time, start listening and subscribe to {@code $SYS/#} (when connected). */
    public void open() {
        if (phase.get() != Phase.CLOSED) {
            return;
        }
        connection.addListener(listener);
        onState(connection.state());
    }

    public boolean isOpen() {
        return phase.get() != Phase.CLOSED;
    }

    /** The workspace closed. */
    public void dispose() {
        connection.removeListener(listener);
        board.open().remove(this);
        for (BrokerStatusViewModel other : board.open()) {
            other.overlays.remove(this);
        }
    }

    private void onState(ConnectionState state) {
        if (state == ConnectionState.CONNECTED) {
            if (hadData) {
                model.reconnected(clock.getAsLong());
            }
            subscribe();
        } else {
            phase.set(Phase.NOT_CONNECTED);
            problem.set("Not connected. The broker's $SYS tree is read once the workspace connects.");
        }
    }

    private void subscribe() {
        if (connection.activeSubscriptions().containsKey(FILTER)) {
            subscribed(List.of(connection.activeSubscriptions().get(FILTER)), null); // sent again by the connection
            return;
        }
        phase.set(Phase.SUBSCRIBING);
        problem.set("Subscribing to " + FILTER + "…");
        CompletableFuture<List<Integer>> done;
        try {
            done = connection.subscribe(List.of(new SubscriptionRequest(FILTER, 0)));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((granted, error) -> fx.execute(() -> subscribed(granted, error)));
    }

    private void subscribed(List<Integer> granted, Throwable error) {
        if (connection.state() != ConnectionState.CONNECTED) {
            return;
        }
        if (error != null) {
            phase.set(Phase.FAILED);
            problem.set("Subscribing to " + FILTER + " failed: " + StatusExports.rootMessage(error));
        } else if (!granted.isEmpty() && granted.get(0) == REFUSED) {
            phase.set(Phase.DENIED);
            problem.set(SysHealth.denied(FILTER));
        } else {
            phase.set(Phase.SUBSCRIBED);
            subscribedAt = clock.getAsLong();
            problem.set("");
            tick();
        }
    }

    /** Once a second (the view's timer): silence is noticed, and the charts' time axis moves on. */
    public void tick() {
        long now = clock.getAsLong();
        if (phase.get() == Phase.SUBSCRIBED) {
            if (!connection.activeSubscriptions().containsKey(FILTER)) {
                subscribe(); // another pane unsubscribed the same filter
                return;
            }
            boolean anyYet = model.lastArrival() >= subscribedAt;
            problem.set(SysHealth.silence(model.schema(), model.intervalMillis(),
                    anyYet ? model.lastArrival() : subscribedAt, now, anyYet));
        }
        if (!paused.get()) {
            revision.set(revision.get() + 1);
        }
    }

    private void onBatch(List<SysMessage> batch) {
        for (SysMessage m : batch) {
            model.accept(m.topic(), m.payload(), m.retained(), m.time());
        }
        if (!batch.isEmpty()) {
            hadData = true;
            if (phase.get() == Phase.SUBSCRIBED) {
                problem.set("");
            }
        }
        refresh();
    }

    private void refresh() {
        if (paused.get()) {
            return;
        }
        schema.set(model.schema().label());
        List<String> names = model.nodeNames();
        if (!nodes.equals(names)) {
            nodes.setAll(names);
        }
        if (!names.contains(selectedNode.get()) && !names.isEmpty()) {
            selectedNode.set(names.get(0));
        }
        cards.set(Cards.of(model.node(selectedNode.get())));
        topicCount.set(model.topics().size());
        revision.set(revision.get() + 1);
    }

    /** The lines of a standard chart: this broker's selected node, then each overlaid broker's. */
    public List<ChartLine> lines(StatusChart chart) {
        List<ChartLine> lines = new ArrayList<>();
        addLines(lines, chart, "");
        for (BrokerStatusViewModel other : overlays) {
            other.addLines(lines, chart, other.name.get() + ": ");
        }
        return lines;
    }

    private void addLines(List<ChartLine> lines, StatusChart chart, String prefix) {
        NodeStatus node = model.node(selectedNode.get());
        if (node != null) {
            for (Metric m : chart.metrics()) {
                lines.add(new ChartLine(prefix + m.label(), node.series(m)));
            }
        }
    }

    /** The line of a topic charted from the raw view. */
    public ChartLine line(String topic) {
        TimeSeries s = model.charted().get(topic);
        return s == null ? null : new ChartLine(topic, s);
    }

    /** "Chart this" on a raw topic; false (with a status) when its value is not a number. */
    public boolean chart(String topic) {
        if (!model.chart(topic)) {
            status.set(topic + " is not a number: nothing to chart.");
            return false;
        }
        if (!chartedTopics.contains(topic)) {
            chartedTopics.add(topic);
        }
        return true;
    }

    public void unchart(String topic) {
        model.unchart(topic);
        chartedTopics.remove(topic);
    }

    /** Writes every collected series (this broker's selected node and the charted topics) as CSV. */
    public void exportCsv() {
        List<SeriesCsv.Named> copies = new ArrayList<>();
        NodeStatus node = model.node(selectedNode.get());
        String prefix = selectedNode.get().isEmpty() ? "" : selectedNode.get() + " ";
        if (node != null) {
            for (Metric m : NodeStatus.CHARTED) {
                copies.add(SeriesCsv.Named.copy(prefix + m.label(), node.series(m), Long.MIN_VALUE));
            }
        }
        model.charted().forEach((topic, s) -> copies.add(SeriesCsv.Named.copy(topic, s, Long.MIN_VALUE)));
        exports.csv(copies);
    }

    /** Writes a chart's pixels (read on the FX thread by the view) as PNG. */
    public void exportPng(String suggestedName, int width, int height, int[] argb) {
        exports.png(suggestedName, width, height, argb);
    }

    // ---- what the view binds -----------------------------------------------------------------------------------

    public SysModel model() {
        return model;
    }

    public String name() {
        return name.get();
    }

    public StatusBoard board() {
        return board;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Cards> cardsProperty() {
        return cards.getReadOnlyProperty();
    }

    /** Nodes seen (EMQX clusters have several); "" stands for a single-node broker. */
    public ObservableList<String> nodes() {
        return nodes;
    }

    public StringProperty selectedNodeProperty() {
        return selectedNode;
    }

    public ObjectProperty<ChartWindow> windowProperty() {
        return window;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Changes whenever the charts should be drawn again (new data, the clock, a resume). */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty topicCountProperty() {
        return topicCount.getReadOnlyProperty();
    }

    /** The outcome of the last export or "chart this". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Other brokers' dashboards whose lines this one's charts also draw. */
    public ObservableList<BrokerStatusViewModel> overlays() {
        return overlays;
    }

    public ObservableList<String> chartedTopics() {
        return chartedTopics;
    }

    /** Messages dropped because more than the batcher holds waited for the FX thread. */
    public long dropped() {
        return batcher.dropped();
    }

    @Override
    public String toString() {
        return name.get();
    }
}
