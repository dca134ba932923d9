package dev.skeeter.client;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Paho action listeners that hop off Paho's callback thread before doing anything [never block Paho]. */
final class PahoActions {
    private static final Logger LOG = LoggerFactory.getLogger(PahoActions.class);

    private PahoActions() {
    }

    /** A Paho call that may throw. */
    @FunctionalInterface
    interface PahoCall {
        void run() throws MqttException;
    }

    /** Runs a clean-up call whose failure changes nothing (the client is being let go): logged, not thrown. */
    static void quietly(String what, PahoCall call) {
        try {
            call.run();
        } catch (MqttException e) {
            LOG.debug("{} failed", what, e);
        }
    }

    static IMqttActionListener on(Executor executor, Consumer<IMqttToken> success,
                                  BiConsumer<IMqttToken, Throwable> failure) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                executor.execute(() -> success.accept(token));
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                executor.execute(() -> failure.accept(token, error));
            }
        };
    }
}
