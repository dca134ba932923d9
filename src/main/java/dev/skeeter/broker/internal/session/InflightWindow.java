package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.routing.Message;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's outbound QoS 1 and 2 messages awaiting acknowledgement, by packet id, in send order (resent in that
 * order on reconnect [MQTT-4.6.0-1]). Confined to the session's owner loop, except {@link #bytes}.
 */
public final class InflightWindow {
    private final int max;
    private final LinkedHashMap<Integer, InflightMessage> messages = new LinkedHashMap<>();
    private int nextPacketId = 1;
    /** Payload bytes in the window; written by the owner loop only (lazySet), read by $SYS from any thread. */
    private final AtomicLong bytes = new AtomicLong();

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
        bytes.lazySet(bytes.get() + message.payload().length);
        return packetId;
    }

    /** How an acknowledgement matched the window. */
    public enum Ack {
        /** It moved its flow on (and may have freed a place). */
        MATCHED,
        /** No message has that packet id; mosquitto ignores it (a PUBREC is still answered). */
        UNKNOWN,
        /** The id belongs to a flow this acknowledgement cannot be part of: a protocol violation. */
        WRONG_KIND
    }

    /** PUBACK ends a QoS 1 flow; for a QoS 2 message it is of the wrong kind. */
    Ack puback(int packetId) {
        InflightMessage m = messages.get(packetId);
        if (m == null) {
            return Ack.UNKNOWN;
        }
        if (m.qos != 1) {
            return Ack.WRONG_KIND;
        }
        removed(packetId);
        return Ack.MATCHED;
    }

    /**
     * PUBREC of a QoS 2 message: from now on only its packet id is kept, until PUBCOMP [MQTT-4.3.3-1]. A repeated
     * PUBREC is matched again (its PUBREL may have been lost); for a QoS 1 message it is of the wrong kind.
     */
    Ack pubrec(int packetId) {
        InflightMessage m = messages.get(packetId);
        if (m == null) {
            return Ack.UNKNOWN;
        }
        if (m.qos != 2) {
            return Ack.WRONG_KIND;
        }
        m.released = true;
        return Ack.MATCHED;
    }

    /** PUBCOMP ends a QoS 2 flow after PUBREC; before it, or for a QoS 1 message, it is of the wrong kind. */
    Ack pubcomp(int packetId) {
        InflightMessage m = messages.get(packetId);
        if (m == null) {
            return Ack.UNKNOWN;
        }
        if (!m.released) {
            return Ack.WRONG_KIND;
        }
        removed(packetId);
        return Ack.MATCHED;
    }

    /** In send order, for the resend on reconnect. */
    Collection<InflightMessage> inOrder() {
        return messages.values();
    }

    void clear() {
        messages.clear();
        bytes.lazySet(0);
    }

    /** Payload bytes of the messages in the window; any thread, possibly a moment stale. */
    long bytes() {
        return bytes.get();
    }

    private void removed(int packetId) {
        InflightMessage m = messages.remove(packetId);
        if (m != null) {
            bytes.lazySet(bytes.get() - m.message.payload().length);
        }
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
