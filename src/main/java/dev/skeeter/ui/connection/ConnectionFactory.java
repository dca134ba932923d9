package dev.skeeter.ui.connection;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;

/** Creates the connection behind a workspace. The app's one creates real ones; tests may point elsewhere. */
@FunctionalInterface
public interface ConnectionFactory {
    MqttConnection create(Profile profile);

    /** Real connections; each runs its listeners on its own thread (see {@link MqttConnection}). */
    static ConnectionFactory standard() {
        return MqttConnection::new;
    }
}
