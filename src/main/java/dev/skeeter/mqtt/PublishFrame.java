package dev.skeeter.mqtt;

/**
 * The PUBLISH packet of MQTT 3.1/3.1.1 (section 3.3) as bytes on the wire: the one writer the broker's fan-out and
 * the bench's publishers share. It writes everything before the payload into a byte array, so any transport (a
 * Netty buffer, a socket stream) appends the header and then the payload without a message object per packet.
 * Stateless.
 */
public final class PublishFrame {
    /** The largest remaining length the four-byte encoding can express (section 2.2.3). */
    public static final int MAX_REMAINING_LENGTH = 268_435_455;
    /** Fixed header byte, up to four length bytes, topic length, packet id. */
    private static final int MAX_OVERHEAD = 1 + 4 + 2 + 2;

    private PublishFrame() {
    }

    /** Bytes before the payload, at most: size a header array by this. */
    public static int maxHeaderSize(byte[] topic) {
        return MAX_OVERHEAD + topic.length;
    }

    /** Bytes the whole frame occupies on the wire. */
    public static int size(byte[] topic, int qos, int payloadBytes) {
        int remaining = remainingLength(topic, qos, payloadBytes);
        return 1 + lengthBytes(remaining) + remaining;
    }

    /**
     * Writes the fixed header, the topic and (QoS 1 and 2) the packet id into {@code header} from index 0; the
     * caller sends exactly {@code payloadBytes} of payload right after them. Returns the number of bytes written.
     *
     * @param topic the topic name as UTF-8, already valid
     * @throws IllegalArgumentException if the packet would exceed {@link #MAX_REMAINING_LENGTH}
     * @throws ArrayIndexOutOfBoundsException if {@code header} is shorter than {@link #maxHeaderSize}
     */
    public static int writeHeader(byte[] header, byte[] topic, int qos, boolean duplicate, boolean retain,
            int packetId, int payloadBytes) {
        int remaining = remainingLength(topic, qos, payloadBytes);
        if (remaining > MAX_REMAINING_LENGTH) {
            throw new IllegalArgumentException("a PUBLISH of " + payloadBytes + " payload bytes exceeds "
                    + MAX_REMAINING_LENGTH + " bytes");
        }
        int i = 0;
        header[i++] = (byte) (0x30 | (duplicate ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0));
        do {
            int digit = remaining & 0x7F;
            remaining >>>= 7;
            header[i++] = (byte) (remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        header[i++] = (byte) (topic.length >>> 8);
        header[i++] = (byte) topic.length;
        System.arraycopy(topic, 0, header, i, topic.length);
        i += topic.length;
        if (qos > 0) {
            header[i++] = (byte) (packetId >>> 8);
            header[i++] = (byte) packetId;
        }
        return i;
    }

    private static int remainingLength(byte[] topic, int qos, int payloadBytes) {
        long remaining = 2L + topic.length + (qos > 0 ? 2 : 0) + payloadBytes;
        return (int) Math.min(remaining, Integer.MAX_VALUE);
    }

    private static int lengthBytes(int value) {
        return value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;
    }
}
