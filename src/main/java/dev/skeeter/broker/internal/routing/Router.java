package dev.skeeter.broker.internal.routing;

import java.util.function.Consumer;

/**
 * Routes published messages to subscribers through the subscription trie and keeps retained messages. Thread-safe:
 * called from every connection's event loop at once (the trie and the store are thread-safe).
 *
 * @param <S> the subscribers (the broker's sessions)
 */
public final class Router<S extends Subscriber> {
    private final SubscriptionTrie<S> subscriptions = new SubscriptionTrie<>();
    private final RetainedStore<Message> retained = new RetainedStore<>(m -> m.payload().length);
    private final boolean upgradeOutgoingQos;

    public Router() {
        this(false);
    }

    /**
     * {@code upgradeOutgoingQos}: mosquitto's non-conforming option that delivers at the subscription's QoS even
     * when the message was published at a lower one (instead of the lower of the two [MQTT-3.8.4-6]).
     */
    public Router(boolean upgradeOutgoingQos) {
        this.upgradeOutgoingQos = upgradeOutgoingQos;
    }

    /**
     * Routes a message to every matching subscriber, once per subscriber at the highest QoS of its matching
     * subscriptions [MQTT-3.3.5-1], downgraded to the publish QoS. A retained message is stored, replaced, or
     * removed by an empty payload [MQTT-3.3.1-5] [MQTT-3.3.1-10]; live forwards carry retain 0 [MQTT-3.3.1-9].
     */
    public void publish(Message message) {
        publish(message, congested -> { });
    }

    /**
     * As {@link #publish(Message)}, calling {@code onCongested} (on this thread) for each receiving subscriber that
     * asks its publishers to slow down (back-pressure).
     */
    public void publish(Message message, Consumer<S> onCongested) {
        if (message.retain()) {
            if (message.payload().length == 0) {
                retained.remove(message.topic());
            } else {
                retained.put(message.topic(), message);
            }
        }
        Message live = message.withRetain(false);
        int publishQos = message.qos();
        subscriptions.match(message.topic(), (subscriber, qos) -> {
            if (subscriber.offer(live, upgradeOutgoingQos ? qos : Math.min(qos, publishQos))) {
                onCongested.accept(subscriber);
            }
        });
    }

    /** Offers the retained messages matching {@code filter} to {@code subscriber}, retain set [MQTT-3.3.1-6]. */
    public void sendRetained(String filter, S subscriber, int grantedQos) {
        retained.match(filter, (topic, message) -> subscriber.offer(message,
                upgradeOutgoingQos ? grantedQos : Math.min(message.qos(), grantedQos)));
    }

    public void subscribe(String filter, S subscriber, int qos) {
        subscriptions.subscribe(filter, subscriber, qos);
    }

    public void unsubscribe(String filter, S subscriber) {
        subscriptions.unsubscribe(filter, subscriber);
    }

    public int subscriptionCount() {
        return subscriptions.subscriptionCount();
    }

    public int retainedCount() {
        return retained.size();
    }

    /** Payload bytes of the retained messages ({@code $SYS/broker/store/messages/bytes} counts them). */
    public long retainedBytes() {
        return retained.bytes();
    }
}
