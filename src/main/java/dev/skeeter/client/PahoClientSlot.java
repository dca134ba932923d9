package dev.skeeter.client;

import dev.skeeter.profiles.Profile;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The Paho client a connection uses now. Paho can neither cancel a connect in progress nor change a client's server,
 * so a timed-out attempt or an edited profile puts a fresh client here; the callbacks of a client that is no longer
 * here are ignored. Thread-safe: read from any thread, replaced in one write.
 */
final class PahoClientSlot {
    private final Function<BooleanSupplier, MqttCallback> callbacks;
    private volatile MqttAsyncClient client;

    /**
     * @param callbacks makes the callback of each new client, given whether that client is still the one here
     * @throws MqttException when Paho cannot use the profile's server URI
     */
    PahoClientSlot(Function<BooleanSupplier, MqttCallback> callbacks, Profile profile, String clientId)
            throws MqttException {
        this.callbacks = callbacks;
        this.client = newClient(profile, clientId);
    }

    MqttAsyncClient client() {
        return client;
    }

    /** Puts a client for {@code profile} here and returns the one it replaced; nothing changes if Paho refuses. */
    MqttAsyncClient replace(Profile profile, String clientId) throws MqttException {
        MqttAsyncClient created = newClient(profile, clientId);
        MqttAsyncClient replaced = client;
        client = created;
        return replaced;
    }

    /** Lets go of a client stuck in a connect attempt: the next attempt starts on a fresh one. */
    void abandon(Profile profile, String clientId) throws MqttException {
        MqttAsyncClient abandoned = replace(profile, clientId);
        PahoActions.quietly("aborting a timed-out connect", () -> abandoned.disconnectForcibly(0, 0, false));
        PahoActions.quietly("closing an abandoned Paho client", () -> abandoned.close(true));
    }

    private MqttAsyncClient newClient(Profile profile, String clientId) throws MqttException {
        MqttAsyncClient created = new MqttAsyncClient(profile.serverUri(), clientId, new MemoryPersistence());
        created.setCallback(callbacks.apply(() -> created == client));
        return created;
    }
}
