package dev.skeeter.broker.internal.transport;

import java.util.ArrayDeque;

/**
 * Walks the fields of one packet body as its bytes arrive, so that a packet whose declared remaining length ends
 * before its fields do (e.g. {@code 10 02 00 00}, a CONNECT whose will message is cut off, a SUBSCRIBE whose last
 * filter is cut off) is malformed at its own end, instead of the decoder reading the next packet's bytes as its own.
 * mosquitto closes such a connection; so does the broker. Only the fixed fields and length prefixes are looked at:
 * PUBLISH payloads and field contents are skipped in bulk ({@link #skippable()}). Also notes the protocol level
 * of CONNECT, which decides the fixed-header rules of later packets. One instance per channel, on its event loop.
 */
final class PacketFields {
    /** A two-byte length, then that many bytes. */
    private static final int FIELD = 1;
    /** One byte that is not looked at. */
    private static final int BYTE = 2;
    private static final int PROTOCOL_LEVEL = 3;
    private static final int CONNECT_FLAGS = 4;
    private static final int SUBSCRIPTION_OPTIONS = 5;
    /** Either the end of the packet or another filter with its options byte. */
    private static final int MORE_SUBSCRIPTIONS = 6;
    /** Either the end of the packet or another filter. */
    private static final int MORE_FILTERS = 7;
    /** The rest of the packet is free (a PUBLISH payload, what a 3.1.1 acknowledgement may carry beyond its id). */
    private static final int REST = 8;

    private final ArrayDeque<Integer> expected = new ArrayDeque<>();
    private int skip;
    private int lengthBytes;
    private int length;
    private int protocolLevel = -1;

    /** Starts a packet of {@code type} with fixed-header {@code flags}. */
    void start(int type, int flags) {
        expected.clear();
        skip = 0;
        lengthBytes = 0;
        length = 0;
        switch (type) {
            case 1 -> expect(FIELD, PROTOCOL_LEVEL, CONNECT_FLAGS);
            case 3 -> {
                expect(FIELD);
                if ((flags & 0x06) != 0) {
                    expect(BYTE, BYTE);
                }
                expect(REST);
            }
            case 4, 5, 6, 7 -> expect(BYTE, BYTE, REST); // mosquitto tolerates bytes after the id in 3.1.1 too
            case 8 -> expect(BYTE, BYTE, FIELD, SUBSCRIPTION_OPTIONS, MORE_SUBSCRIPTIONS);
            case 10 -> expect(BYTE, BYTE, FIELD, MORE_FILTERS);
            default -> expect(REST);
        }
    }

    /** Bytes that may pass unseen now: the rest of a field, or all that is left when the rest is free. */
    int skippable() {
        if (skip > 0) {
            return skip;
        }
        Integer next = expected.peekFirst();
        return next != null && next == REST ? Integer.MAX_VALUE : 0;
    }

    /** {@code count} bytes (at most {@link #skippable()}) passed unseen. */
    void skipped(int count) {
        if (skip > 0) {
            skip -= count;
        }
    }

    /** Takes the next byte when {@link #skippable()} is 0; returns why the packet is malformed, or null. */
    String accept(int b) {
        Integer next = expected.peekFirst();
        if (next == null) {
            return "bytes after the last field within the remaining length";
        }
        switch (next) {
            case FIELD -> {
                length = length << 8 | b;
                if (++lengthBytes == 2) {
                    expected.pollFirst();
                    skip = length;
                    length = 0;
                    lengthBytes = 0;
                }
            }
            case PROTOCOL_LEVEL -> {
                expected.pollFirst();
                protocolLevel = b;
                if (b != 3 && b != 4) {
                    // MQTT 5 (properties) or unknown: the handler refuses it with CONNACK 0x01 [MQTT-3.1.2-2].
                    expected.clear();
                    expected.add(REST);
                }
            }
            case CONNECT_FLAGS -> {
                expected.pollFirst();
                expect(BYTE, BYTE, FIELD); // keepalive, client id
                if ((b & 0x04) != 0) {
                    expect(FIELD, FIELD); // will topic and message
                }
                if ((b & 0x80) != 0) {
                    expect(FIELD);
                }
                if ((b & 0x40) != 0) {
                    expect(FIELD);
                }
            }
            case SUBSCRIPTION_OPTIONS -> {
                // Netty reads bits 2-5 as MQTT 5 options and ignores 6-7; in 3.1.1 all six are reserved.
                if ((b & 0xFC) != 0) {
                    return "reserved bits " + b + " in subscription options [MQTT-3.8.3-4]";
                }
                expected.pollFirst();
            }
            case MORE_SUBSCRIPTIONS -> {
                expected.addFirst(SUBSCRIPTION_OPTIONS);
                expected.addFirst(FIELD);
                return accept(b);
            }
            case MORE_FILTERS -> {
                expected.addFirst(FIELD);
                return accept(b);
            }
            default -> expected.pollFirst(); // BYTE
        }
        return null;
    }

    /** The packet's remaining length is used up: null when its fields ended with it, else why not. */
    String end() {
        Integer next = expected.peekFirst();
        boolean complete = skip == 0 && lengthBytes == 0
                && (next == null || next == REST || next == MORE_SUBSCRIPTIONS || next == MORE_FILTERS);
        return complete ? null : "remaining length ends before the packet's fields do";
    }

    /** The protocol level the connection's CONNECT gave (3 for MQTT 3.1, 4 for 3.1.1), or -1 before it. */
    int protocolLevel() {
        return protocolLevel;
    }

    private void expect(int... fields) {
        for (int field : fields) {
            expected.addLast(field);
        }
    }
}
