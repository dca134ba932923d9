package dev.skeeter.client;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;

/** Paho action listeners that hop off Paho's callback thread before doing anything [never block Paho]. */
final class PahoActions {
    private PahoActions() {
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
