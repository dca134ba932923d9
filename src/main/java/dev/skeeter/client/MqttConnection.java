package dev.skeeter.client;

import dev.skeeter.mqtt.Topics;
import dev.skeeter.profiles.Profile;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * One connection to a broker, described by a {@link Profile}, over Paho's {@link MqttAsyncClient}. Thread-safe:
 * every method may be called from any thread and none blocks on the network; results come as futures, completed
 * on the connection's own thread.
 *
 * <p>Listeners run on the connection's own thread, one call at a time, in the order things happened: never on
 * Paho's threads, never on the FX thread. Each received message is matched against the active subscriptions once,
 * on arrival, and carries the filters it matched ({@link ReceivedMessage#matchedFilters()}), so no listener matches
 * again. A listener must return quickly and must not wait on this connection's futures (they complete on the same
 * thread): a UI hands what it shows to its own thread in batches (the app's panes use a bounded, paced
 * {@code FxBatcher}), which is why there is no executor to pass here, and why {@code Platform::runLater} must never
 * run listeners: it would do per-message work on the FX thread. Nothing between Paho and the listeners drops a
 * message; a listener that falls far behind holds Paho back instead (see {@link EventDispatcher}). Paho's side is
 * {@link Inbound}; subscribing is {@link Subscriber}'s, a connect attempt {@link Connector}'s.
 *
 * <p>Reconnecting is done here rather than by Paho's automatic reconnect: Paho 1.2.5 keeps its reconnect delay in
 * a static field shared by every client, and its reconnect timer survives {@code disconnect()}. After every
 * successful (re)connect the active subscriptions are sent again when the broker holds no session for us (clean
 * session), since Paho does not resubscribe.
 */
public final class MqttConnection implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final int MAX_INFLIGHT = 1000;

    /** Replaced only by {@link #reconfigure} while disconnected. */
    private volatile Profile profile;
    private volatile String clientId;
    private final PahoClientSlot clients;
    private final Connector connector;
    private final EventDispatcher dispatcher;
    private final ActiveSubscriptions subscriptions;
    private final Subscriber subscriber;
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();

    private final Object lock = new Object();
    private ConnectionState state = ConnectionState.DISCONNECTED;   // guarded by lock
    private boolean wantConnected;                                  // guarded by lock
    private char[] password;                                        // guarded by lock; kept for reconnects
    private ScheduledFuture<?> reconnectTask;                       // guarded by lock
    private final Backoff backoff = new Backoff();                  // guarded by lock
    private volatile Transports.Prepared transport;

    public MqttConnection(Profile profile) {
        this(profile, new ActiveSubscriptions(Topics::matches));
    }

    /** With the subscriptions' matcher chosen (tests count its calls). */
    MqttConnection(Profile profile, ActiveSubscriptions subscriptions) {
        this.profile = profile;
        this.subscriptions = subscriptions;
        this.clientId = profile.clientId().isBlank() ? generateClientId() : profile.clientId();
        this.dispatcher = new EventDispatcher("skeeter-mqtt-" + SEQUENCE.incrementAndGet());
        try {
            this.clients = new PahoClientSlot(isCurrent -> new Inbound(isCurrent,
                    cause -> dispatcher.runOwn(() -> lost(cause)), messagesIn, subscriptions, dispatcher),
                    profile, clientId);
        } catch (MqttException | IllegalArgumentException e) {
            dispatcher.shutdown();
            throw new IllegalArgumentException("cannot use " + profile.serverUri() + ": " + e.getMessage(), e);
        }
        this.connector = new Connector(clients, dispatcher);
        this.subscriber = new Subscriber(subscriptions, clients::client, dispatcher::runOwn, this::emit);
    }

    /** "skeeter-" and 8 random hex digits: 16 characters, within MQTT 3.1's limit of 23. */
    public static String generateClientId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "skeeter-" + HexFormat.of().formatHex(random);
    }

    public Profile profile() {
        return profile;
    }

    /**
     * Takes an edited profile for the next connect, keeping this connection's listeners, counters and remembered
     * subscriptions, so whoever shows them loses nothing. Only while disconnected (or failed): a live session keeps
     * the settings it connected with. A generated client id is kept while the profile still asks for none.
     *
     * @throws IllegalStateException    while connecting, connected or reconnecting
     * @throws IllegalArgumentException when Paho cannot use the edited profile (e.g. its host); nothing changes
     */
    public void reconfigure(Profile edited) {
        MqttAsyncClient replaced;
        synchronized (lock) {
            if (state.isActive()) {
                throw new IllegalStateException("cannot change the profile while " + state);
            }
            String id = !edited.clientId().isBlank() ? edited.clientId()
                    : profile.clientId().isBlank() ? clientId : generateClientId();
            try {
                replaced = clients.replace(edited, id);
            } catch (MqttException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot use " + edited.serverUri() + ": " + e.getMessage(), e);
            }
            profile = edited;
            clientId = id;
            transport = null;
        }
        PahoActions.quietly("closing the replaced Paho client", () -> replaced.close(true));
    }

    public String clientId() {
        return clientId;
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    public long messagesOut() {
        return messagesOut.get();
    }

    /** The filters subscribed (or being subscribed) with their QoS, in subscription order. */
    public Map<String, Integer> activeSubscriptions() {
        return subscriptions.snapshot();
    }

    public void addListener(ConnectionListener listener) {
        dispatcher.addListener(listener);
    }

    public void removeListener(ConnectionListener listener) {
        dispatcher.removeListener(listener);
    }

    /** Connects with the profile's saved password (if any). */
    public CompletableFuture<Void> connect() {
        String saved = profile.credentials().password();
        return connect(saved == null ? null : saved.toCharArray());
    }

    /** Connects with a password asked for at connect time; it is kept in memory for automatic reconnects. */
    public CompletableFuture<Void> connect(char[] password) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        synchronized (lock) {
            if (state.isActive()) {
                return CompletableFuture.failedFuture(new IllegalStateException("already " + state));
            }
            this.password = password == null ? null : password.clone();
            wantConnected = true;
            backoff.reset();
            transition(ConnectionState.CONNECTING, null);
        }
        emit(ConnectionEvent.info("connecting to " + profile.serverUri() + " as " + clientId
                + (profile.proxy().isSet() ? " through SOCKS proxy " + profile.proxy().host() : "")));
        // files (CA, keys) are read on the connection's own thread, never on the caller's (possibly the FX thread)
        dispatcher.runOwn(() -> attemptConnect(result, false));
        return result;
    }

    private void attemptConnect(CompletableFuture<Void> result, boolean reconnecting) {
        char[] pw;
        synchronized (lock) {
            pw = password;
        }
        connector.attempt(profile, clientId, pw, new Connector.Outcome() {
            @Override
            public void prepared(Transports.Prepared prepared) {
                transport = prepared;
            }

            @Override
            public void connected(boolean sessionPresent) {
                MqttConnection.this.connected(result, reconnecting, sessionPresent);
            }

            @Override
            public void failed(ConnectionFailure failure, Throwable cause) {
                connectFailed(result, reconnecting, failure, cause);
            }
        });
    }

    private void connected(CompletableFuture<Void> result, boolean reconnecting, boolean sessionPresent) {
        synchronized (lock) {
            if (!wantConnected) {
                // disconnect() was called while this attempt was under way
                MqttAsyncClient unwanted = clients.client();
                PahoActions.quietly("disconnect after an abandoned connect", () -> unwanted.disconnect(0));
                result.completeExceptionally(new IllegalStateException("disconnected while connecting"));
                return;
            }
            backoff.reset();
            transition(ConnectionState.CONNECTED, null);
        }
        emit(ConnectionEvent.info((reconnecting ? "reconnected to " : "connected to ") + profile.serverUri()
                + (sessionPresent ? " (session present)" : "")));
        if (!sessionPresent) {
            subscriber.resubscribe();
        }
        result.complete(null);
    }

    private void connectFailed(CompletableFuture<Void> result, boolean reconnecting, ConnectionFailure failure,
                               Throwable cause) {
        boolean retry;
        synchronized (lock) {
            if (!wantConnected) {
                result.completeExceptionally(new ConnectionException(failure, cause));
                return;
            }
            retry = reconnecting && profile.autoReconnect();
            reconnectOrGiveUp(retry, failure);
        }
        emit(retry ? ConnectionEvent.warn("reconnect failed: " + failure.summary())
                : ConnectionEvent.error("connection failed: " + failure.summary()));
        result.completeExceptionally(new ConnectionException(failure, cause));
    }

    /** Called with lock held: after a failed attempt or a lost connection, either try again later or stop. */
    private void reconnectOrGiveUp(boolean retry, ConnectionFailure failure) {
        if (retry) {
            transition(ConnectionState.RECONNECTING, failure);
            scheduleReconnect();
        } else {
            wantConnected = false;
            transition(ConnectionState.FAILED, failure);
        }
    }

    /** Called with lock held. */
    private void scheduleReconnect() {
        reconnectTask = dispatcher.schedule(() -> {
            synchronized (lock) {
                if (!wantConnected) {
                    return;
                }
            }
            attemptConnect(new CompletableFuture<>(), true);
        }, backoff.nextDelayMillis());
    }

    public CompletableFuture<Void> disconnect() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        synchronized (lock) {
            wantConnected = false;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
                reconnectTask = null;
            }
            if (profile.cleanSession()) {
                // a persistent session keeps its subscriptions at the broker: remember them to name matches later
                subscriptions.clear();
            }
            if (!clients.client().isConnected()) {
                transition(ConnectionState.DISCONNECTED, null);
                result.complete(null);
                return result;
            }
        }
        try {
            clients.client().disconnect(1000, null, PahoActions.on(dispatcher::runOwn, token -> disconnected(result),
                    (token, error) -> disconnected(result)));
        } catch (MqttException e) {
            disconnected(result);
        }
        return result;
    }

    private void disconnected(CompletableFuture<Void> result) {
        synchronized (lock) {
            transition(ConnectionState.DISCONNECTED, null);
        }
        emit(ConnectionEvent.info("disconnected from " + profile.serverUri()));
        result.complete(null);
    }

    /** Subscribes; the future gives the granted QoS per request (0x80 = refused by the broker). */
    public CompletableFuture<List<Integer>> subscribe(List<SubscriptionRequest> requests) {
        return subscriber.subscribe(requests);
    }

    public CompletableFuture<Void> unsubscribe(List<String> filters) {
        return subscriber.unsubscribe(filters);
    }

    /** Publishes; the future completes when the broker has the message (QoS 1/2) or it was written (QoS 0). */
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retain) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            Topics.validateTopicName(topic);
            MqttMessage message = new MqttMessage(payload == null ? new byte[0] : payload);
            message.setQos(qos);
            message.setRetained(retain);
            clients.client().publish(topic, message, null, completing(result, messagesOut::incrementAndGet));
        } catch (MqttException | IllegalArgumentException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private IMqttActionListener completing(CompletableFuture<Void> result, Runnable onSuccess) {
        return PahoActions.on(dispatcher::runOwn, token -> {
            onSuccess.run();
            result.complete(null);
        }, (token, error) -> result.completeExceptionally(error));
    }

    /** Disconnects (without waiting for the broker more than a second) and releases the Paho client. */
    @Override
    public void close() {
        synchronized (lock) {
            wantConnected = false;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
            }
        }
        MqttAsyncClient closing = clients.client();
        if (closing.isConnected()) {
            // waited on Paho's token, not on our future: close() may run on this connection's own thread
            PahoActions.quietly("disconnect on close", () -> closing.disconnect(0).waitForCompletion(1000));
        }
        PahoActions.quietly("closing the Paho client", () -> closing.close(true));
        synchronized (lock) {
            transition(ConnectionState.DISCONNECTED, null);
        }
        dispatcher.shutdown();
    }

    /** Called with lock held. */
    private void transition(ConnectionState next, ConnectionFailure failure) {
        ConnectionState previous = state;
        if (previous == next && failure == null) {
            return;
        }
        state = next;
        dispatcher.post(l -> l.stateChanged(previous, next, failure));
    }

    private void emit(ConnectionEvent event) {
        dispatcher.post(l -> l.event(event));
    }

    private void lost(Throwable cause) {
        ConnectionFailure failure = ConnectionFailures.lost(cause, profile, transport);
        boolean retry;
        synchronized (lock) {
            if (!wantConnected) {
                return;
            }
            retry = profile.autoReconnect();
            reconnectOrGiveUp(retry, failure);
        }
        emit(ConnectionEvent.warn("connection lost: " + failure.summary() + (retry ? "; reconnecting" : "")));
    }
}
