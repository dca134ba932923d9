package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.routing.Message;
import java.util.Collection;
import java.util.LinkedHashMap;

/**
 * A session's outbound QoS 1 and 2 messages awaiting acknowledgement, by packet id, in send order (resent in that
 * order on reconnect [MQTT-4.6.0-1]). Confined to the session's owner loop.
 */
final class InflightWindow {
    private final int max;
    private final LinkedHashMap<Integer, InflightMessage> messages = new LinkedHashMap<>();
    private int nextPacketId = 1;

    InflightWindow(int max) {
        this.max = max;
    }

    boolean isFull() {
        return messages.size() >= max;
    }

    int size() {
        return messages.size();
    }

    /** Takes a message into the window under a free packet id, which it returns. */
    int add(Message message, int qos) {
        int packetId = allocatePacketId();
        messages.put(packetId, new InflightMessage(packetId, message, qos));
        return packetId;
    }

    /** PUBACK of a QoS 1 message: true when it freed a place. */
    boolean puback(int packetId) {
        InflightMessage m = messages.get(packetId);
        return m != null && m.qos == 1 && messages.remove(packetId) != null;
    }

    /** PUBREC of a QoS 2 message: from now on only its packet id is kept, until PUBCOMP [MQTT-4.3.3-1]. */
    void pubrec(int packetId) {
        InflightMessage m = messages.get(packetId);
        if (m != null && m.qos == 2) {
            m.released = true;
        }
    }

    /** PUBCOMP ends a QoS 2 flow: true when it freed a place. */
    boolean pubcomp(int packetId) {
        InflightMessage m = messages.get(packetId);
        return m != null && m.released && messages.remove(packetId) != null;
    }

    /** In send order, for the resend on reconnect. */
    Collection<InflightMessage> inOrder() {
        return messages.values();
    }

    void clear() {
        messages.clear();
    }

    private int allocatePacketId() {
        // The window is bounded by max (< 65535), so a free id exists.
        while (true) {
            int id = nextPacketId;
            nextPacketId = id == 65535 ? 1 : id + 1;
            if (!messages.containsKey(id)) {
                return id;
            }
        }
    }
}
