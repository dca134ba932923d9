package dev.skeeter.ui.localbroker;

import dev.skeeter.profiles.Profile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Makes the "Local broker" profile one click: before connecting, starts the embedded broker on the profile's port
 * if it is not running. Never lets a connection reach someone else's broker: when another program holds the port
 * (e.g. a mosquitto service), it answers {@link PortTaken} with a free port to offer instead. Thread-safe.
 */
public final class LocalBrokerConnector {
    /** What {@link #prepare} found. */
    public sealed interface Preparation permits Ready, PortTaken {
    }

    /** Our broker listens on the profile's port: connect. */
    public record Ready(boolean startedNow) implements Preparation {
    }

    /** Another program listens on the profile's port; {@code freePort} is free now. */
    public record PortTaken(int port, int freePort, String explanation) implements Preparation {
    }

    private final LocalBrokerService service;
    private final Executor background;

    public LocalBrokerConnector(LocalBrokerService service, Executor background) {
        this.service = service;
        this.background = background;
    }

    public CompletableFuture<Preparation> prepare(Profile profile) {
        return CompletableFuture.supplyAsync(() -> prepareNow(profile), background);
    }

    private Preparation prepareNow(Profile profile) {
        int port = profile.port();
        if (service.listensOn(port)) {
            return new Ready(false);
        }
        String bind = LocalBrokerService.DEFAULT_BIND_ADDRESS;
        if (service.isRunning()) {
            int running = service.addresses().get(0).getPort();
            return new PortTaken(port, running, "Skeeter's local broker already runs on port " + running
                    + ", not on port " + port + ".");
        }
        if (PortProbe.isTaken(bind, port)) {
            return taken(port, bind);
        }
        try {
            service.start(port, bind).join();
            return new Ready(true);
        } catch (CompletionException e) {
            // lost a race with another program binding the port between the probe and the start
            if (PortProbe.isTaken(bind, port)) {
                return taken(port, bind);
            }
            throw e;
        }
    }

    private static PortTaken taken(int port, String bind) {
        return new PortTaken(port, PortProbe.freePort(bind), "Port " + port + " on " + bind
                + " is already used by another program (a mosquitto service, perhaps). Skeeter will not connect"
                + " to a broker it did not start.");
    }
}
