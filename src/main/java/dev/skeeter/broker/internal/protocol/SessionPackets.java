package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.BrokerCore;
import dev.skeeter.broker.internal.routing.Message;
import dev.skeeter.broker.internal.session.InflightWindow;
import dev.skeeter.broker.internal.session.Session;
import dev.skeeter.mqtt.Topics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The packets of an accepted connection that act on its session and on the router, one method per packet type:
 * PUBLISH and the acknowledgements of both directions, SUBSCRIBE and UNSUBSCRIBE. A rule broken here throws
 * ({@link MalformedPacketException}, {@link dev.skeeter.mqtt.InvalidTopicException}) and the handler closes the
 * connection [MQTT-4.8.0-1]. Confined to the channel's event loop; the caller releases the packets.
 */
final class SessionPackets {
    private static final int FAILURE = 0x80;
    private final BrokerCore core;
    private final PublishPolicy policy;
    private final ConnectFacts client;
    private final Session session;
    private final OutboundWriter out;
    /** Called for each congested session a PUBLISH reached: back-pressure on this connection's reads. */
    private final Consumer<Session> onCongested;

    SessionPackets(BrokerCore core, PublishPolicy policy, ConnectFacts client, Session session, OutboundWriter out,
            Consumer<Session> onCongested) {
        this.core = core;
        this.policy = policy;
        this.client = client;
        this.session = session;
        this.out = out;
        this.onCongested = onCongested;
    }

    void publish(MqttPublishMessage publish) {
        var fixed = publish.fixedHeader();
        int qos = fixed.qosLevel().value();
        String topic = publish.variableHeader().topicName();
        Topics.validateTopicName(topic); // wildcards, empty, U+0000 close the connection [MQTT-3.3.2-2]
        if (qos == 0 && fixed.isDup()) {
            throw new MalformedPacketException("DUP set on a QoS 0 PUBLISH [MQTT-3.3.1-2]");
        }
        if (fixed.isRetain() && !core.config().retainAvailable()) {
            throw new MalformedPacketException("retained PUBLISH, and retain_available is false"); // as mosquitto
        }
        int packetId = publish.variableHeader().packetId();
        ByteBuf content = publish.payload();
        core.metrics().publishPayloadReceived(content.readableBytes());
        boolean deliver = policy.admits(client, topic, content.readableBytes(), false);
        switch (qos) {
            case 0 -> {
                if (deliver) {
                    route(topic, content, 0, fixed.isRetain());
                }
            }
            case 1 -> {
                if (deliver) {
                    route(topic, content, 1, fixed.isRetain());
                }
                out.send(Packets.puback(packetId));
            }
            default -> {
                // Exactly once: a resend of a packet id still awaiting PUBREL is not routed again [MQTT-4.3.3-2].
                if (session.inboundQos2(packetId) && deliver) {
                    route(topic, content, 2, fixed.isRetain());
                }
                out.send(Packets.pubrec(packetId));
            }
        }
    }

    private void route(String topic, ByteBuf content, int qos, boolean retain) {
        core.router().publish(new Message(topic, ByteBufUtil.getBytes(content), qos, retain), onCongested);
    }

    void pubrec(int packetId) {
        refuseWrongKind(session.pubrec(packetId), "PUBREC", packetId);
        out.send(Packets.pubrel(packetId)); // [MQTT-4.3.3-1] answered even for an unknown id, as mosquitto does
    }

    void pubrel(int packetId) {
        session.inboundPubrel(packetId);
        out.send(Packets.pubcomp(packetId));
    }

    void subscribe(MqttSubscribeMessage subscribe) {
        List<MqttTopicSubscription> requests = subscribe.payload().topicSubscriptions();
        if (requests.isEmpty()) {
            throw new MalformedPacketException("SUBSCRIBE without topic filters [MQTT-3.8.3-3]");
        }
        for (MqttTopicSubscription request : requests) {
            Topics.validateTopicFilter(request.topicFilter()); // a malformed filter closes [MQTT-4.8.0-1]
        }
        List<Integer> granted = new ArrayList<>(requests.size());
        for (MqttTopicSubscription request : requests) {
            int qos = request.qualityOfService().value();
            if (!policy.maySubscribe(client, request.topicFilter())) {
                // The ACL lets this client read no topic the filter matches: say so [MQTT-3.9.3-2].
                granted.add(FAILURE);
                core.events().info(client.clientId(), "Refused the subscription of " + client.clientId()
                        + " to " + request.topicFilter() + ": the ACL lets it read no topic there (SUBACK 0x80)");
                continue;
            }
            session.subscribe(request.topicFilter(), qos); // replaces an identical filter [MQTT-3.8.4-3]
            granted.add(qos);
        }
        out.send(Packets.suback(subscribe.variableHeader().messageId(), granted)); // [MQTT-3.8.4-1]
        for (int i = 0; i < requests.size(); i++) {
            if (granted.get(i) != FAILURE) {
                core.router().sendRetained(requests.get(i).topicFilter(), session, granted.get(i)); // [MQTT-3.3.1-6]
            }
        }
    }

    void unsubscribe(MqttUnsubscribeMessage unsubscribe) {
        List<String> filters = unsubscribe.payload().topics();
        if (filters.isEmpty()) {
            throw new MalformedPacketException("UNSUBSCRIBE without topic filters [MQTT-3.10.3-2]");
        }
        for (String filter : filters) {
            Topics.validateTopicFilter(filter);
        }
        for (String filter : filters) {
            session.unsubscribe(filter);
        }
        out.send(Packets.unsuback(unsubscribe.variableHeader().messageId())); // even if none existed [MQTT-3.10.4-5]
    }

    void puback(int packetId) {
        refuseWrongKind(session.puback(packetId), "PUBACK", packetId);
    }

    void pubcomp(int packetId) {
        refuseWrongKind(session.pubcomp(packetId), "PUBCOMP", packetId);
    }

    /**
     * An acknowledgement that cannot belong to its packet id's flow (PUBREC or PUBCOMP for QoS 1, PUBACK for QoS 2,
     * PUBCOMP before PUBREC) is a protocol violation that closes the connection, as in mosquitto; one for an unknown
     * id (late, or after a restart) is ignored, also as in mosquitto.
     */
    private static void refuseWrongKind(InflightWindow.Ack ack, String packet, int packetId) {
        if (ack == InflightWindow.Ack.WRONG_KIND) {
            throw new MalformedPacketException(packet + " for packet id " + packetId
                    + ", which is in a flow of another kind [MQTT-4.3]");
        }
    }
}
