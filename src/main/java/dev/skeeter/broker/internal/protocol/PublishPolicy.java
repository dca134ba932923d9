package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.mqtt.Topics;

/**
 * What a client may publish: the one decision taken for every PUBLISH it sends and for its will, so a rule added
 * here holds for both. This is where authorisation (ACLs) and counters of refused messages belong. A refused PUBLISH
 * is still acknowledged and the connection stays, as with mosquitto. Thread-safe.
 */
final class PublishPolicy {
    private final BrokerCore core;

    PublishPolicy(BrokerCore core) {
        this.core = core;
    }

    /**
     * True when the message from {@code client} may be routed; false when it is dropped.
     *
     * @param will true for the client's will, published by the broker when the connection ends without DISCONNECT
     */
    boolean admits(ConnectFacts client, String topic, int payloadBytes, boolean will) {
        int limit = core.config().messageSizeLimit();
        if (limit > 0 && payloadBytes > limit) {
            core.metrics().dropped();
            core.events().info(client.clientId(), "Dropped " + (will ? "the will" : "a PUBLISH") + " of "
                    + payloadBytes + " bytes from " + client.clientId() + ": over message_size_limit " + limit);
            return false;
        }
        // The broker owns $SYS: clients' publishes there are dropped, as mosquitto does.
        return !Topics.isSysTopic(topic);
    }
}
