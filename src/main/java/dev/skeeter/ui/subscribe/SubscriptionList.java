package dev.skeeter.ui.subscribe;

import static dev.skeeter.ui.common.Errors.rootMessage;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.profiles.AppState;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.StateSaver;
import dev.skeeter.ui.common.TopicProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Subscribe pane's subscriptions: the form that adds one, the list kept in step with the connection (sent on
 * every connect that lacks them), and each profile's list saved in the app state so it survives a restart.
 * FX thread only, except {@link #matched}, which the connection's thread calls.
 */
public final class SubscriptionList {
    /** A subscription's status while the connection is down: it is sent when the connection is up. */
    static final String ON_CONNECT = "subscribes on connect";
    static final List<String> PALETTE = List.of("#2f6fdf", "#2da44e", "#d4a72c", "#cf222e", "#8250df",
            "#1b7c83", "#e16f24", "#bf3989", "#57606a", "#4d8f2a");

    private final MqttConnection connection;
    private final Profile profile;
    private final StateSaver saver;
    private final AppStateStore state;
    private final Executor fx;
    private final Consumer<String> status;
    private final Map<String, SubscriptionItem> byFilter = new ConcurrentHashMap<>();
    private final ObservableList<SubscriptionItem> items = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final IntegerProperty filterQos = new SimpleIntegerProperty(0);
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");

    /**
     * @param state   holds each profile's saved subscriptions and colours
     * @param status  shows an unsubscribe that failed
     */
    SubscriptionList(MqttConnection connection, Profile profile, AppStateStore state, StateSaver saver, Executor fx,
            Consumer<String> status) {
        this.connection = connection;
        this.profile = profile;
        this.state = state;
        this.saver = saver;
        this.fx = fx;
        this.status = status;
        filterText.addListener((obs, was, now) -> filterError.set(""));
        restore();
    }

    /** Validates the form and subscribes; false (with {@link #filterErrorProperty()} set) when refused. */
    public boolean add() {
        String filter = filterText.get() == null ? "" : filterText.get().strip();
        Optional<String> problem = TopicProblems.ofFilter(filter);
        if (problem.isEmpty() && byFilter.containsKey(filter)) {
            problem = Optional.of("Already subscribed to " + filter);
        }
        if (problem.isPresent()) {
            filterError.set(problem.get());
            return false;
        }
        String colour = state.state().subscriptionColours(profile.id())
                .getOrDefault(filter, PALETTE.get(items.size() % PALETTE.size()));
        SubscriptionItem item = track(new SubscriptionItem(filter, filterQos.get(), colour));
        filterText.set("");
        persist();
        send(item);
        return true;
    }

    public void remove(SubscriptionItem item) {
        items.remove(item);
        byFilter.remove(item.filter(), item);
        persist();
        CompletableFuture<Void> done;
        try {
            done = connection.unsubscribe(List.of(item.filter()));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ok, error) -> {
            if (error != null) {
                fx.execute(() -> status.accept("Unsubscribe from " + item.filter() + " failed: "
                        + rootMessage(error)));
            }
        });
    }

    /** True when the pane holds a subscription with exactly this filter. */
    public boolean contains(String filter) {
        return byFilter.containsKey(filter);
    }

    /**
     * On every connect: subscriptions the connection does not hold (a clean session starts empty; one sent while
     * disconnected or that failed) are sent; the ones it holds it has sent again itself or the broker's session
     * kept.
     */
    void subscribeMissing() {
        Map<String, Integer> active = connection.activeSubscriptions();
        for (SubscriptionItem item : items) {
            if (item.failed || !active.containsKey(item.filter())) {
                send(item);
            }
        }
    }

    /** After a disconnect that ended the session's subscriptions, the list says they come back on connect. */
    void markForgotten() {
        Map<String, Integer> active = connection.activeSubscriptions();
        for (SubscriptionItem item : items) {
            if (!active.containsKey(item.filter())) {
                item.setStatus(ON_CONNECT);
            }
        }
    }

    /**
     * The pane's subscriptions among those the connection matched on arrival; any thread. None for a message that
     * no active subscription matched (e.g. queued by the broker for a persistent session's older subscriptions).
     */
    List<SubscriptionItem> matched(ReceivedMessage message) {
        List<SubscriptionItem> found = new ArrayList<>(message.matchedFilters().size());
        for (String filter : message.matchedFilters()) {
            SubscriptionItem item = byFilter.get(filter);
            if (item != null) {
                found.add(item);
            }
        }
        return found;
    }

    /** Copies the counts the network thread keeps into the rows' properties. */
    void refreshCounts() {
        for (SubscriptionItem item : items) {
            item.refreshCount();
        }
    }

    /** The profile's remembered subscriptions, listed at once and subscribed when the connection is up. */
    private void restore() {
        for (AppState.SavedSubscription saved : state.state().subscriptions(profile.id())) {
            if (!byFilter.containsKey(saved.filter()) && TopicProblems.ofFilter(saved.filter()).isEmpty()) {
                SubscriptionItem item = new SubscriptionItem(saved.filter(), saved.qos(),
                        saved.colour() == null ? PALETTE.get(items.size() % PALETTE.size()) : saved.colour());
                item.mutedProperty().set(saved.muted()); // before track: restoring saves nothing
                send(track(item));
            }
        }
    }

    private SubscriptionItem track(SubscriptionItem item) {
        item.colourProperty().addListener((obs, was, now) -> persist());
        item.mutedProperty().addListener((obs, was, now) -> persist());
        byFilter.put(item.filter(), item);
        items.add(item);
        return item;
    }

    private void send(SubscriptionItem item) {
        if (connection.state() != ConnectionState.CONNECTED) {
            item.failed = true;
            item.setStatus(ON_CONNECT);
            return;
        }
        item.failed = false;
        item.setStatus("subscribing…");
        subscribeSafely(item.filter(), item.qos()).whenComplete((granted, error) ->
                fx.execute(() -> {
                    if (error != null) {
                        item.failed = true;
                        item.setStatus("failed: " + rootMessage(error)
                                + (connection.state() == ConnectionState.CONNECTED ? "" : " (retried on connect)"));
                    } else if (!granted.isEmpty() && granted.get(0) == 0x80) {
                        item.setStatus("refused by the broker");
                    } else {
                        item.setStatus("QoS " + (granted.isEmpty() ? item.qos() : granted.get(0)) + " granted");
                    }
                }));
    }

    private CompletableFuture<List<Integer>> subscribeSafely(String filter, int qos) {
        try {
            return connection.subscribe(List.of(new SubscriptionRequest(filter, qos)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void persist() {
        List<AppState.SavedSubscription> saved = items.stream().map(i -> new AppState.SavedSubscription(
                i.filter(), i.qos(), i.colourProperty().get(), i.mutedProperty().get())).toList();
        saver.save(s -> s.withSubscriptions(profile.id(), saved));
    }

    public ObservableList<SubscriptionItem> items() { return items; }
    public StringProperty filterTextProperty() { return filterText; }
    public IntegerProperty filterQosProperty() { return filterQos; }
    public ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }
}
