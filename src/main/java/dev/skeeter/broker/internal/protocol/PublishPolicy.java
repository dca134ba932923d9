package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.broker.internal.auth.Guard;
import dev.skeeter.mqtt.Topics;

/**
 * What a client may publish: the one decision taken for every PUBLISH it sends and for its will, so a rule added
 * here holds for both: the size limit, {@code $SYS}, and the ACL (or the embedder's authoriser). A refused PUBLISH
 * is still acknowledged and the connection stays, as with mosquitto; one refused by the ACL is counted
 * ({@code publishDenied}). Thread-safe.
 */
final class PublishPolicy {
    private final BrokerCore core;
    private final Guard guard;

    PublishPolicy(BrokerCore core, Guard guard) {
        this.core = core;
        this.guard = guard;
    }

    /**
     * True when the message from {@code client} may be routed; false when it is dropped.
     *
     * @param will true for the client's will, published by the broker when the connection ends without DISCONNECT
     */
    boolean admits(ConnectFacts client, String topic, int payloadBytes, boolean will) {
        int limit = core.config().messageSizeLimit();
        if (limit > 0 && payloadBytes > limit) {
            // Not counted in publish/messages/dropped: mosquitto 2.0 counts full queues only there.
            core.events().info(client.clientId(), "Dropped " + (will ? "the will" : "a PUBLISH") + " of "
                    + payloadBytes + " bytes from " + client.clientId() + ": over message_size_limit " + limit);
            return false;
        }
        // The broker owns $SYS: clients' publishes there are dropped, as mosquitto does.
        if (Topics.isSysTopic(topic)) {
            return false;
        }
        if (!guard.mayPublish(client.identity(), topic)) {
            core.metrics().publishDenied();
            core.events().info(client.clientId(), "Denied " + (will ? "the will" : "a PUBLISH") + " of "
                    + client.clientId() + (client.username() == null ? "" : " (user " + client.username() + ")")
                    + " to " + topic + ": not allowed by the ACL; dropped");
            return false;
        }
        return true;
    }

    /** Whether a subscription to {@code filter} is granted (else SUBACK 0x80). */
    boolean maySubscribe(ConnectFacts client, String filter) {
        return guard.maySubscribe(client.identity(), filter);
    }
}
