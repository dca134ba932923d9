package dev.skeeter.ui.profiles;

import dev.skeeter.client.ConnectionFailure;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The profile editor's Test button: connects with a throw-away connection in the background, reports the result
 * in the client core's words, disconnects. The built-in Local broker profile is prepared as connecting does
 * ({@link LocalBrokerConnector}): the embedded broker is started if needed, and a port held by another program
 * is reported instead of tested, so Test never talks to someone else's broker. Thread-safe.
 */
public final class ConnectionTester {
    /** The outcome shown under the Test button. */
    public record Result(boolean ok, String message) {
    }

    private final ConnectionFactory connections;
    private final LocalBrokerConnector localBroker;
    private final Executor background;

    /** @param localBroker prepares the Local broker profile before a test; null tests every profile as it is */
    public ConnectionTester(ConnectionFactory connections, LocalBrokerConnector localBroker, Executor background) {
        this.connections = connections;
        this.localBroker = localBroker;
        this.background = background;
    }

    public CompletableFuture<Result> test(Profile profile) {
        return CompletableFuture.supplyAsync(() -> run(profile), background);
    }

    private Result run(Profile profile) {
        if (profile.isLocalBroker() && localBroker != null) {
            LocalBrokerConnector.Preparation preparation;
            try {
                // already on the background executor: the connector's own hop is joined, never on the FX thread
                preparation = localBroker.prepare(profile).join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return new Result(false, "The local broker could not start: " + cause.getMessage());
            }
            if (preparation instanceof LocalBrokerConnector.PortTaken taken) {
                return new Result(false, taken.explanation() + " Port " + taken.freePort() + " is free.");
            }
            Result result = connect(profile);
            boolean started = preparation instanceof LocalBrokerConnector.Ready ready && ready.startedNow();
            return started ? new Result(result.ok(), result.message() + " (started the local broker)") : result;
        }
        return connect(profile);
    }

    private Result connect(Profile profile) {
        AtomicReference<ConnectionFailure> failure = new AtomicReference<>();
        try (MqttConnection connection = connections.create(profile)) {
            connection.addListener(new ConnectionListener() {
                @Override
                public void stateChanged(ConnectionState previous, ConnectionState current, ConnectionFailure why) {
                    if (why != null) {
                        failure.set(why);
                    }
                }
            });
            try {
                connection.connect().join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                ConnectionFailure why = cause instanceof dev.skeeter.client.ConnectionException explained
                        ? explained.failure() : failure.get();
                return new Result(false, why != null ? why.summary() : String.valueOf(cause.getMessage()));
            }
            String id = connection.clientId();
            connection.disconnect().exceptionally(e -> null).join();
            return new Result(true, "Connected to " + profile.serverUri() + (id == null || id.isEmpty() ? ""
                    : " as " + id));
        } catch (RuntimeException e) {
            return new Result(false, String.valueOf(e.getMessage()));
        }
    }
}
