package dev.skeeter.ui.connection;

import dev.skeeter.client.ConnectionEvent;
import dev.skeeter.client.ConnectionException;
import dev.skeeter.client.ConnectionFailure;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FxBatcher;
import dev.skeeter.ui.common.TopicsSeen;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import dev.skeeter.ui.log.LogEntry;
import dev.skeeter.ui.log.LogLevel;
import dev.skeeter.ui.log.LogViewModel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One open connection's workspace: state, connect/disconnect without blocking, the failure explained in place,
 * live counters, the Log tab. For the "Local broker" profile it starts the embedded broker first and refuses to
 * connect to another program on that port, offering a free port instead. FX thread only; connection callbacks
 * are handed over through the FX executor.
 */
public final class WorkspaceViewModel {
    /** Log lines reach the FX thread at most ten times a second, however many arrive. */
    private static final java.time.Duration LOG_PACE = java.time.Duration.ofMillis(100);

    /** What the main window does for a workspace: save a profile the workspace changed (the free port). */
    @FunctionalInterface
    public interface Host {
        void saveProfile(Profile updated);
    }

    /** Another program holds the local broker's port; connecting to {@code freePort} is offered. */
    public record PortOffer(int port, int freePort, String explanation) {
    }

    private final ReadOnlyObjectWrapper<Profile> profile;
    private final MqttConnection connection;
    private final LocalBrokerConnector localBroker;
    private final Executor fx;
    private final Host host;
    private final LogViewModel log;
    private final FxBatcher<LogEntry> logBatcher;
    private final TopicsSeen topicsSeen = new TopicsSeen(5_000);
    private final ConnectionListener listener;
    private final ReadOnlyObjectWrapper<ConnectionState> state;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<ConnectionFailure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ReadOnlyObjectWrapper<PortOffer> portOffer = new ReadOnlyObjectWrapper<>(this, "portOffer");
    private final ReadOnlyStringWrapper clientId = new ReadOnlyStringWrapper(this, "clientId");
    private final ReadOnlyBooleanWrapper profileChangesPending =
            new ReadOnlyBooleanWrapper(this, "profileChangesPending");
    /** An edit saved while the workspace could not take it; applied once idle. FX thread only. */
    private Profile pendingProfile;
    private final TrafficCounters traffic;

    /**
     * @param localBroker used only when the profile is the built-in "Local broker"; may be null
     */
    public WorkspaceViewModel(Profile profile, MqttConnection connection, LocalBrokerConnector localBroker,
            Executor fx, Executor background, Host host) {
        this.profile = new ReadOnlyObjectWrapper<>(this, "profile", profile);
        this.connection = connection;
        this.localBroker = localBroker;
        this.fx = fx;
        this.host = host;
        this.log = new LogViewModel(LogViewModel.DEFAULT_CAPACITY, background);
        this.logBatcher = new FxBatcher<>(fx, 10_000, LOG_PACE, log::addAll);
        this.state = new ReadOnlyObjectWrapper<>(this, "state", connection.state());
        this.traffic = new TrafficCounters(connection);
        clientId.set(displayClientId());
        this.listener = new ConnectionListener() {
            @Override
            public void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure why) {
                fx.execute(() -> onStateChanged(current, why));
            }

            @Override
            public void event(ConnectionEvent event) {
                logBatcher.offer(new LogEntry(event.time(), LogLevel.of(String.valueOf(event.level())),
                        event.text()));
            }
        };
        connection.addListener(listener);
        connection.addListener(topicsSeen);
        state.addListener(o -> applyPendingWhenIdle());
        busy.addListener(o -> applyPendingWhenIdle());
    }

    /** The profile this workspace connects with; an edit replaces it in place (see {@link #applyProfile}). */
    public Profile profile() {
        return profile.get();
    }

    public ReadOnlyObjectProperty<Profile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public MqttConnection connection() {
        return connection;
    }

    public LogViewModel log() {
        return log;
    }

    /** The topics this workspace's connection has seen, shared by its panes (completion, the topic tree). */
    public TopicsSeen topicsSeen() {
        return topicsSeen;
    }

    public String title() {
        return profile.get().name();
    }

    /** The broker's address as the profile form names its transport, e.g. {@code mqtts://host:8883}. */
    public String brokerAddress() {
        return BrokerAddress.of(profile.get());
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the header says while an edit of the profile waits for the next connect. */
    public static final String PROFILE_CHANGES_PENDING_TEXT =
            "Profile changed: the changes apply on the next connect";

    /**
     * True when the profile was saved with changes this workspace cannot take yet (it is busy, or it would have to
     * ask a password to reconnect): the header says the changes apply on the next connect.
     */
    public ReadOnlyBooleanProperty profileChangesPendingProperty() {
        return profileChangesPending.getReadOnlyProperty();
    }

    /**
     * Takes an edited profile in place: the workspace, its subscriptions, messages and forms stay. Disconnected,
     * the next connect uses it; connected, the workspace reconnects with it now (and says so in its Log), unless a
     * password would have to be asked, then it waits for the next connect; busy, it waits until idle.
     */
    public void applyProfile(Profile edited) {
        if (edited.equals(profile.get())) {
            pendingProfile = null;
            profileChangesPending.set(false);
            return;
        }
        if (!busy.get() && isIdle(state.get())) {
            reconfigure(edited);
        } else if (!busy.get() && state.get() == ConnectionState.CONNECTED && !asksPassword(edited)
                && onlyNameDiffers(edited)) {
            profile.set(edited); // a new name needs no reconnect; the connection takes it when next idle
            pendingProfile = edited;
        } else if (!busy.get() && state.get() == ConnectionState.CONNECTED && !asksPassword(edited)) {
            reconnectWith(edited);
        } else {
            pendingProfile = edited;
            profileChangesPending.set(true);
        }
    }

    private boolean onlyNameDiffers(Profile edited) {
        return edited.toBuilder().name(profile.get().name()).build().equals(connection.profile());
    }

    private static boolean asksPassword(Profile p) {
        return p.credentials().hasUsername() && !p.credentials().savePassword();
    }

    private void reconnectWith(Profile edited) {
        addLog(LogLevel.INFO, "Profile changed: reconnecting with the new settings");
        busy.set(true);
        connection.disconnect().whenComplete((v, error) -> fx.execute(() -> {
            busy.set(false);
            state.set(connection.state());
            if (reconfigure(edited)) {
                connect();
            }
        }));
    }

    /** Hands the edited profile to the idle connection; false (failure shown) when it cannot be used. */
    private boolean reconfigure(Profile edited) {
        pendingProfile = null;
        profileChangesPending.set(false);
        try {
            connection.reconfigure(edited);
        } catch (IllegalArgumentException | IllegalStateException e) {
            failure.set(new ConnectionFailure("The edited profile cannot be used: " + e.getMessage(), e.toString(),
                    List.of()));
            return false;
        }
        profile.set(edited);
        clientId.set(displayClientId());
        return true;
    }

    private void applyPendingWhenIdle() {
        if (pendingProfile != null && !busy.get() && isIdle(state.get())) {
            reconfigure(pendingProfile);
        }
    }

    /** True while a connect or disconnect is under way (the view shows progress). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The client core's explanation of the last failure, shown in the workspace; null when none. */
    public ReadOnlyObjectProperty<ConnectionFailure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PortOffer> portOfferProperty() {
        return portOffer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clientIdProperty() {
        return clientId.getReadOnlyProperty();
    }

    /** Messages in and out, and their rates, for the header. */
    public TrafficCounters traffic() {
        return traffic;
    }

    /** True when Connect applies (not connected, nothing under way). */
    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(() -> !busy.get() && isIdle(state.get()), busy, state);
    }

    /** True when Disconnect applies. */
    public BooleanBinding canDisconnect() {
        return Bindings.createBooleanBinding(() -> !isIdle(state.get()), state);
    }

    /** True when the profile keeps no password and one must be asked before connecting. */
    public boolean needsPassword() {
        return asksPassword(profile.get());
    }

    public void connect() {
        connect(null);
    }

    /** Connects in the background; with a password when {@link #needsPassword()}. */
    public void connect(char[] password) {
        if (busy.get() || !isIdle(state.get())) {
            return;
        }
        busy.set(true);
        failure.set(null);
        portOffer.set(null);
        Profile settings = profile.get();
        CompletableFuture<LocalBrokerConnector.Preparation> prepared = settings.isLocalBroker() && localBroker != null
                ? localBroker.prepare(settings)
                : CompletableFuture.completedFuture(new LocalBrokerConnector.Ready(false));
        prepared.whenComplete((preparation, error) -> fx.execute(() -> {
            if (error != null) {
                busy.set(false);
                Throwable cause = unwrap(error);
                failure.set(new ConnectionFailure("The local broker could not start: " + cause.getMessage(),
                        cause.toString(), List.of()));
                addLog(LogLevel.ERROR, failure.get().summary());
            } else if (preparation instanceof LocalBrokerConnector.PortTaken taken) {
                busy.set(false);
                portOffer.set(new PortOffer(taken.port(), taken.freePort(), taken.explanation()));
                addLog(LogLevel.WARN, taken.explanation());
            } else {
                if (preparation instanceof LocalBrokerConnector.Ready ready && ready.startedNow()) {
                    addLog(LogLevel.INFO, "Started the local broker on port " + settings.port());
                }
                startConnect(password);
            }
        }));
    }

    /** Moves the local broker profile to the offered free port and connects there. */
    public void acceptPortOffer() {
        PortOffer offer = portOffer.get();
        if (offer != null) {
            portOffer.set(null);
            Profile moved = profile.get().toBuilder().port(offer.freePort()).build();
            if (reconfigure(moved)) {
                host.saveProfile(moved);
                connect();
            }
        }
    }

    /** Hides the failure explanation (it stays in the Log tab). */
    public void dismissFailure() {
        failure.set(null);
    }

    public void dismissPortOffer() {
        portOffer.set(null);
    }

    public void disconnect() {
        if (isIdle(state.get())) {
            return;
        }
        busy.set(true);
        connection.disconnect().whenComplete((v, error) -> fx.execute(() -> {
            busy.set(false);
            state.set(connection.state());
            if (error != null) {
                addLog(LogLevel.ERROR, "Disconnect failed: " + unwrap(error).getMessage());
            }
        }));
    }

    /** Stops listening and closes the connection on the background executor's terms (never blocks). */
    public CompletableFuture<Void> close(Executor background) {
        connection.removeListener(listener);
        connection.removeListener(topicsSeen);
        return CompletableFuture.runAsync(connection::close, background);
    }

    private void startConnect(char[] password) {
        CompletableFuture<Void> connecting = password == null ? connection.connect() : connection.connect(password);
        connecting.whenComplete((v, error) -> fx.execute(() -> {
            busy.set(false);
            state.set(connection.state());
            clientId.set(displayClientId());
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof ConnectionException explained) {
                    failure.set(explained.failure()); // the client core's words, with the chain for TLS
                } else if (failure.get() == null) {
                    failure.set(new ConnectionFailure(String.valueOf(cause.getMessage()), cause.toString(),
                            List.of()));
                }
            }
        }));
    }

    private void onStateChanged(ConnectionState current, ConnectionFailure why) {
        state.set(current);
        clientId.set(displayClientId());
        if (why != null && (current == ConnectionState.FAILED || current == ConnectionState.RECONNECTING)) {
            failure.set(why);
        } else if (current == ConnectionState.CONNECTED) {
            failure.set(null);
        }
    }

    private String displayClientId() {
        String id = connection.clientId();
        return id == null || id.isEmpty() ? "(generated at connect)" : id;
    }

    private void addLog(LogLevel level, String text) {
        log.add(new LogEntry(Instant.now(), level, text));
    }

    static boolean isIdle(ConnectionState s) {
        return s == ConnectionState.DISCONNECTED || s == ConnectionState.FAILED;
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
