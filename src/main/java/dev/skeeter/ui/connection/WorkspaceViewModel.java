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
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
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

    /** What the main window does for a workspace: swap its profile (and connection) when the port changes. */
    @FunctionalInterface
    public interface Host {
        void replaceProfile(WorkspaceViewModel workspace, Profile updated, boolean connect);
    }

    /** Another program holds the local broker's port; connecting to {@code freePort} is offered. */
    public record PortOffer(int port, int freePort, String explanation) {
    }

    private final Profile profile;
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
    private final ReadOnlyLongWrapper messagesIn = new ReadOnlyLongWrapper(this, "messagesIn");
    private final ReadOnlyLongWrapper messagesOut = new ReadOnlyLongWrapper(this, "messagesOut");
    private final ReadOnlyDoubleWrapper inPerSecond = new ReadOnlyDoubleWrapper(this, "inPerSecond");
    private final ReadOnlyDoubleWrapper outPerSecond = new ReadOnlyDoubleWrapper(this, "outPerSecond");
    private final ReadOnlyBooleanWrapper profileChangesPending =
            new ReadOnlyBooleanWrapper(this, "profileChangesPending");
    private final RateMeter inMeter = new RateMeter();
    private final RateMeter outMeter = new RateMeter();

    /**
     * @param localBroker used only when the profile is the built-in "Local broker"; may be null
     */
    public WorkspaceViewModel(Profile profile, MqttConnection connection, LocalBrokerConnector localBroker,
            Executor fx, Executor background, Host host) {
        this.profile = profile;
        this.connection = connection;
        this.localBroker = localBroker;
        this.fx = fx;
        this.host = host;
        this.log = new LogViewModel(LogViewModel.DEFAULT_CAPACITY, background);
        this.logBatcher = new FxBatcher<>(fx, 10_000, LOG_PACE, log::addAll);
        this.state = new ReadOnlyObjectWrapper<>(this, "state", connection.state());
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
    }

    public Profile profile() {
        return profile;
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
        return profile.name();
    }

    public String brokerAddress() {
        return profile.serverUri();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the header says while the profile was edited after this workspace connected with it. */
    public static final String PROFILE_CHANGES_PENDING_TEXT =
            "Profile changed: the changes apply on the next connect";

    /**
     * True when the profile was saved with changes while this workspace was connected: it keeps the settings it
     * connected with, and the header says the changes apply on the next connect.
     */
    public ReadOnlyBooleanProperty profileChangesPendingProperty() {
        return profileChangesPending.getReadOnlyProperty();
    }

    /** Called by the main window when the profile changed under a connected workspace. */
    public void markProfileChangesPending() {
        profileChangesPending.set(true);
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

    public ReadOnlyLongProperty messagesInProperty() {
        return messagesIn.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty messagesOutProperty() {
        return messagesOut.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty inPerSecondProperty() {
        return inPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty outPerSecondProperty() {
        return outPerSecond.getReadOnlyProperty();
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
        return profile.credentials().hasUsername() && !profile.credentials().savePassword();
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
        CompletableFuture<LocalBrokerConnector.Preparation> prepared = profile.isLocalBroker() && localBroker != null
                ? localBroker.prepare(profile)
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
                    addLog(LogLevel.INFO, "Started the local broker on port " + profile.port());
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
            host.replaceProfile(this, profile.toBuilder().port(offer.freePort()).build(), true);
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

    /** Samples the counters; the view calls it about once a second. */
    public void tick(long nanos) {
        long in = connection.messagesIn();
        long out = connection.messagesOut();
        messagesIn.set(in);
        messagesOut.set(out);
        inPerSecond.set(inMeter.sample(in, nanos));
        outPerSecond.set(outMeter.sample(out, nanos));
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
