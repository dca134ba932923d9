package dev.skeeter.ui.connection;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Creates the connection behind a workspace. The app's one creates real ones; tests may point elsewhere. */
@FunctionalInterface
public interface ConnectionFactory {
    MqttConnection create(Profile profile);

    /**
     * Real connections whose listener callbacks run on one shared daemon thread: listeners there only enqueue for
     * the FX thread, so one thread is enough and keeps each connection's events in order.
     */
    static ConnectionFactory standard() {
        ExecutorService events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "skeeter-connection-events");
            t.setDaemon(true);
            return t;
        });
        return profile -> new MqttConnection(profile, events);
    }
}
