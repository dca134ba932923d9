package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.routing.RetainedStore;
import dev.skeeter.broker.internal.routing.SubscriptionTrie;
import dev.skeeter.mqtt.Topics;
import java.util.function.Consumer;

/**
 * Routes published messages to sessions through the subscription trie and keeps retained messages. Thread-safe:
 * called from every connection's event loop at once (the trie and the store are thread-safe).
 */
public final class Router {
    private final SubscriptionTrie<Session> subscriptions = new SubscriptionTrie<>();
    private final RetainedStore<Message> retained = new RetainedStore<>();

    /**
     * Routes a message to every matching session, once per session at the highest QoS of its matching
     * subscriptions [MQTT-3.3.5-1], downgraded to the publish QoS. A retained message is stored, replaced, or
     * removed by an empty payload [MQTT-3.3.1-5] [MQTT-3.3.1-10]; live forwards carry retain 0 [MQTT-3.3.1-9].
     */
    public void publish(Message message) {
        publish(message, congested -> { });
    }

    /**
     * As {@link #publish(Message)}, calling {@code onCongested} (on this thread) for each receiving session that
     * asks its publishers to slow down (back-pressure).
     */
    public void publish(Message message, Consumer<Session> onCongested) {
        if (message.retain()) {
            if (message.payload().length == 0) {
                retained.remove(message.topic());
            } else {
                retained.put(message.topic(), message);
            }
        }
        Message live = message.withRetain(false);
        int publishQos = message.qos();
        subscriptions.match(message.topic(), (session, qos) -> {
            if (session.offer(live, Math.min(qos, publishQos))) {
                onCongested.accept(session);
            }
        });
    }

    /** Publishes a will as a client's publish: not to {@code $SYS}, not over the size limit (counted as dropped). */
    public void publishWill(Message will, int messageSizeLimit, Metrics metrics) {
        if (Topics.isSysTopic(will.topic())) {
            return;
        }
        if (messageSizeLimit > 0 && will.payload().length > messageSizeLimit) {
            metrics.dropped();
            return;
        }
        publish(will);
    }

    /** Queues the retained messages matching {@code filter} for {@code session}, retain flag set [MQTT-3.3.1-6]. */
    public void sendRetained(String filter, Session session, int grantedQos) {
        retained.match(filter, (topic, message) -> session.offer(message, Math.min(message.qos(), grantedQos)));
    }

    void subscribe(String filter, Session session, int qos) {
        subscriptions.subscribe(filter, session, qos);
    }

    void unsubscribe(String filter, Session session) {
        subscriptions.unsubscribe(filter, session);
    }

    public int subscriptionCount() {
        return subscriptions.subscriptionCount();
    }

    public int retainedCount() {
        return retained.size();
    }
}
