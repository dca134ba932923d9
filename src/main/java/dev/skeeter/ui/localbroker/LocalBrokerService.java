package dev.skeeter.ui.localbroker;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.broker.BrokerListener;
import dev.skeeter.broker.BrokerStats;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.broker.ListenerConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The app's one embedded broker: started and stopped from the Local broker view or by connecting to the
 * "Local broker" profile. Thread-safe; listeners are called on broker threads or the caller's thread, so UI
 * listeners hand over to the FX thread themselves.
 */
public final class LocalBrokerService implements AutoCloseable {
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 1883;

    private final List<BrokerListener> brokerListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> stateListeners = new CopyOnWriteArrayList<>();
    private Broker broker;
    private volatile ListenerSecurity security = ListenerSecurity.DEFAULTS;
    private List<InetSocketAddress> addresses = List.of();

    /** Starts the broker on the port and bind address; when it already runs, answers its addresses. */
    public synchronized CompletableFuture<List<InetSocketAddress>> start(int port, String bindAddress) {
        if (broker != null) {
            return CompletableFuture.completedFuture(addresses);
        }
        return startWith(BrokerConfig.builder().listener(port, bindAddress).security(security).build());
    }

    /**
     * Stops the broker if it runs, then starts it with these listeners (the certificate wizard's finish: plain TCP
     * and a TLS listener that requires client certificates). The first listener is the one the view shows as the
     * port.
     */
    public CompletableFuture<List<InetSocketAddress>> restart(List<ListenerConfig> listeners) {
        BrokerConfig.Builder config = BrokerConfig.builder().clearListeners().security(security);
        listeners.forEach(config::listener);
        BrokerConfig built = config.build();
        return stop().thenCompose(stopped -> {
            synchronized (this) {
                if (broker != null) {
                    return CompletableFuture.failedFuture(new IllegalStateException(
                            "the local broker was started again while it restarted"));
                }
                return startWith(built);
            }
        });
    }

    private synchronized CompletableFuture<List<InetSocketAddress>> startWith(BrokerConfig config) {
        Broker created = Broker.create(config);
        brokerListeners.forEach(created::addListener);
        broker = created;
        fireStateChanged();
        return created.start().whenComplete((bound, error) -> {
            synchronized (this) {
                if (error != null) {
                    if (broker == created) {
                        broker = null;
                    }
                    created.stop();
                } else {
                    addresses = List.copyOf(bound);
                }
            }
            fireStateChanged();
        });
    }

    /** Who may connect from the next start on (see {@link #reloadSecurity} for a running broker). */
    public void security(ListenerSecurity value) {
        security = value;
    }

    /** Puts the security settings and the password file's users in force on a running broker; problems, if any. */
    public List<String> reloadSecurity() {
        Broker running;
        synchronized (this) {
            running = broker;
        }
        return running == null ? List.of()
                : running.reloadSecurity(BrokerConfig.builder().security(security).build());
    }

    public CompletableFuture<Void> stop() {
        Broker stopping;
        synchronized (this) {
            stopping = broker;
            broker = null;
            addresses = List.of();
        }
        if (stopping == null) {
            return CompletableFuture.completedFuture(null);
        }
        return stopping.stop().whenComplete((v, e) -> fireStateChanged());
    }

    /** True once the listeners are bound. */
    public synchronized boolean isRunning() {
        return broker != null && !addresses.isEmpty();
    }

    public synchronized List<InetSocketAddress> addresses() {
        return addresses;
    }

    /** True when the running broker listens on this port. */
    public synchronized boolean listensOn(int port) {
        return addresses.stream().anyMatch(a -> a.getPort() == port);
    }

    /** The running broker's counters, or null while it is stopped or starting. */
    public synchronized BrokerStats stats() {
        return isRunning() ? broker.stats() : null;
    }

    public synchronized List<ClientInfo> clients() {
        return broker == null ? List.of() : broker.clients();
    }

    /** Broker events (clients, log), kept across restarts. */
    public synchronized void addBrokerListener(BrokerListener listener) {
        brokerListeners.add(listener);
        if (broker != null) {
            broker.addListener(listener);
        }
    }

    /** Called after every start, failed start and stop. */
    public void addStateListener(Runnable listener) {
        stateListeners.add(listener);
    }

    private void fireStateChanged() {
        stateListeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        stop().join();
    }
}
