package dev.skeeter.client;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Paho's callback for one of a connection's Paho clients. Runs on Paho's threads: counts each message, matches its
 * topic against the active subscriptions (the only place that does) and hands the record to the listeners' queue;
 * waits only when the listeners are far behind (back-pressure: Paho stops reading). Never blocks otherwise.
 */
final class Inbound implements MqttCallback {
    private final BooleanSupplier current;
    private final Consumer<Throwable> lost;
    private final AtomicLong messagesIn;
    private final ActiveSubscriptions subscriptions;
    private final EventDispatcher dispatcher;

    /**
     * @param current whether this callback's client is still the connection's (an abandoned one's loss is ignored)
     * @param lost    what to do when the connection is lost; called on Paho's thread, so it only hands on
     */
    Inbound(BooleanSupplier current, Consumer<Throwable> lost, AtomicLong messagesIn,
            ActiveSubscriptions subscriptions, EventDispatcher dispatcher) {
        this.current = current;
        this.lost = lost;
        this.messagesIn = messagesIn;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
    }

    @Override
    public void connectionLost(Throwable cause) {
        if (current.getAsBoolean()) {
            lost.accept(cause);
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        messagesIn.incrementAndGet();
        dispatcher.postMessage(new ReceivedMessage(Instant.now(), topic, message.getQos(), message.isRetained(),
                message.isDuplicate(), message.getPayload(), subscriptions.matching(topic), message.getId()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publish futures complete through their action listeners
    }
}
