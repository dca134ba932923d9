package dev.skeeter.ui.localbroker;

import dev.skeeter.broker.BrokerListener;
import dev.skeeter.broker.BrokerLogEvent;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.ui.common.FxBatcher;
import dev.skeeter.ui.log.LogEntry;
import dev.skeeter.ui.log.LogLevel;
import dev.skeeter.ui.log.LogViewModel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Local broker view and the status-bar indicator: start/stop with port and bind address,
 * listening addresses, connected clients, the broker's log. FX thread only; broker callbacks are handed over in
 * batches.
 */
public final class LocalBrokerViewModel {
    /** Log lines reach the FX thread at most ten times a second, however many arrive. */
    private static final java.time.Duration LOG_PACE = java.time.Duration.ofMillis(100);

    private final LocalBrokerService service;
    private final Executor fx;
    private final StringProperty port = new SimpleStringProperty(this, "port",
            String.valueOf(LocalBrokerService.DEFAULT_PORT));
    private final StringProperty bindAddress = new SimpleStringProperty(this, "bindAddress",
            LocalBrokerService.DEFAULT_BIND_ADDRESS);
    private final ReadOnlyStringWrapper portError = new ReadOnlyStringWrapper(this, "portError");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Local broker: stopped");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ObservableList<String> addresses = FXCollections.observableArrayList();
    private final ObservableList<ClientInfo> clients = FXCollections.observableArrayList();
    private final LogViewModel log;
    private final FxBatcher<LogEntry> logBatcher;
    private final FxBatcher<Boolean> refreshBatcher;
    private final BrokerStatsViewModel stats;
    private final LocalBrokerUsersViewModel users;

    public LocalBrokerViewModel(LocalBrokerService service, Executor fx, Executor background) {
        this.service = service;
        this.fx = fx;
        this.log = new LogViewModel(LogViewModel.DEFAULT_CAPACITY, background);
        this.logBatcher = new FxBatcher<>(fx, 10_000, LOG_PACE, log::addAll);
        this.refreshBatcher = new FxBatcher<>(fx, 10_000, LOG_PACE, ignored -> refresh());
        this.stats = new BrokerStatsViewModel(service::stats, System::nanoTime);
        this.users = new LocalBrokerUsersViewModel(dev.skeeter.profiles.ConfigDirectories.configDir()
                .resolve("broker.passwd"), service, fx, background);
        port.addListener((obs, old, now) -> validatePort());
        service.addStateListener(() -> refreshBatcher.offer(Boolean.TRUE));
        service.addBrokerListener(new BrokerListener() {
            @Override
            public void clientConnected(ClientInfo client) {
                refreshBatcher.offer(Boolean.TRUE); // the broker logs the connect itself
            }

            @Override
            public void clientDisconnected(ClientInfo client, String reason) {
                refreshBatcher.offer(Boolean.TRUE);
            }

            @Override
            public void log(BrokerLogEvent event) {
                logBatcher.offer(BrokerLogEntries.of(event));
            }
        });
        refresh();
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty bindAddressProperty() {
        return bindAddress;
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** One line for the status bar, e.g. "Local broker: 127.0.0.1:1883, 2 clients". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last start failed, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<String> addresses() {
        return addresses;
    }

    public ObservableList<ClientInfo> clients() {
        return clients;
    }

    public LogViewModel log() {
        return log;
    }

    /** The broker's live numbers, sampled by the view's timer. */
    public BrokerStatsViewModel stats() {
        return stats;
    }

    /** Anonymous clients or a password file, and its users. */
    public LocalBrokerUsersViewModel users() {
        return users;
    }

    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> !running.get() && !busy.get() && portError.get() == null,
                running, busy, portError);
    }

    public void start() {
        validatePort();
        if (portError.get() != null || running.get() || busy.get()) {
            return;
        }
        busy.set(true);
        problem.set(null);
        int p = Integer.parseInt(port.get().trim());
        String bind = bindAddress.get() == null || bindAddress.get().isBlank()
                ? LocalBrokerService.DEFAULT_BIND_ADDRESS : bindAddress.get().trim();
        service.start(p, bind).whenComplete((bound, error) -> fx.execute(() -> {
            busy.set(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                problem.set("Could not start on " + bind + ":" + p + ": " + cause.getMessage());
                log.add(new LogEntry(Instant.now(), LogLevel.ERROR, problem.get()));
            } else {
                log.add(new LogEntry(Instant.now(), LogLevel.INFO, "Started, listening on "
                        + String.join(", ", bound.stream().map(LocalBrokerViewModel::format).toList())));
            }
            refresh();
        }));
    }

    public void stop() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        service.stop().whenComplete((v, error) -> fx.execute(() -> {
            busy.set(false);
            log.add(new LogEntry(Instant.now(), error == null ? LogLevel.INFO : LogLevel.ERROR,
                    error == null ? "Stopped" : "Stop failed: " + error.getMessage()));
            refresh();
        }));
    }

    /** Reloads running state, addresses and clients from the service. */
    public void refresh() {
        boolean isRunning = service.isRunning();
        running.set(isRunning);
        // one snapshot: while the broker starts or stops it can be running with no address bound yet
        List<InetSocketAddress> listening = service.addresses();
        List<String> bound = listening.stream().map(LocalBrokerViewModel::format).toList();
        addresses.setAll(bound);
        clients.setAll(service.clients());
        if (isRunning && !listening.isEmpty()) {
            port.set(String.valueOf(listening.get(0).getPort()));
        }
        status.set(isRunning ? "Local broker: " + String.join(", ", bound) + ", " + clients.size()
                + (clients.size() == 1 ? " client" : " clients") : "Local broker: stopped");
    }

    private void validatePort() {
        String text = port.get() == null ? "" : port.get().trim();
        try {
            int value = Integer.parseInt(text);
            portError.set(value < 0 || value > 65535 ? "Port must be 0 to 65535" : null);
        } catch (NumberFormatException e) {
            portError.set("Port must be a number");
        }
    }

    static String format(InetSocketAddress address) {
        if (address == null) {
            return "?";
        }
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
