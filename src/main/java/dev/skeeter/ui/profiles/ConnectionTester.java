package dev.skeeter.ui.profiles;

import dev.skeeter.client.ConnectionFailure;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.connection.ConnectionFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The profile editor's Test button: connects with a throw-away connection in the background, reports the result
 * in the client core's words, disconnects. Thread-safe.
 */
public final class ConnectionTester {
    /** The outcome shown under the Test button. */
    public record Result(boolean ok, String message) {
    }

    private final ConnectionFactory connections;
    private final Executor background;

    public ConnectionTester(ConnectionFactory connections, Executor background) {
        this.connections = connections;
        this.background = background;
    }

    public CompletableFuture<Result> test(Profile profile) {
        return CompletableFuture.supplyAsync(() -> run(profile), background);
    }

    private Result run(Profile profile) {
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
