package dev.skeeter.broker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A byte-level MQTT client for tests: sends exactly the bytes a test builds (including malformed ones) and reads
 * packets back. Not thread-safe.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
    }

    /** A received packet: the first byte and the body after the remaining length. */
    record Packet(int header, byte[] body) {
        int type() {
            return header >> 4;
        }

        int packetId() {
            return ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        }
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    Packet read() throws IOException {
        int header = in.readUnsignedByte();
        int length = 0;
        int shift = 0;
        int b;
        do {
            b = in.readUnsignedByte();
            length |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        byte[] body = new byte[length];
        in.readFully(body);
        return new Packet(header, body);
    }

    /** The next packet, or null when none arrives within {@code quiet} (to show that nothing more comes). */
    Packet readOrNullWhenQuiet(Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        try {
            return read();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(5000);
        }
    }

    /** Reads packets of other types until one of {@code type} arrives. */
    Packet readType(int type) throws IOException {
        while (true) {
            Packet p = read();
            if (p.type() == type) {
                return p;
            }
        }
    }

    /** True when the broker closes the connection within {@code timeout} (packets before it are skipped). */
    boolean closedWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            while (in.read() != -1) {
                // skip whatever the broker still sends
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(5000);
            }
        }
    }

    /** Connects with a clean session and waits for CONNACK; returns its return code. */
    int connect(String clientId) throws IOException {
        send(connect(clientId, true, 60));
        Packet connack = read();
        return connack.body()[1];
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    // ---- packet builders ----

    static byte[] packet(int header, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        int length = body.size();
        do {
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] str(String s) {
        return bin(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A length-prefixed field from raw bytes (for invalid UTF-8). */
    static byte[] bin(byte[] raw) {
        byte[] out = new byte[raw.length + 2];
        out[0] = (byte) (raw.length >> 8);
        out[1] = (byte) raw.length;
        System.arraycopy(raw, 0, out, 2, raw.length);
        return out;
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] connect(String clientId, boolean clean, int keepAlive) {
        return connectWithFlags(clean ? 0x02 : 0x00, keepAlive, str(clientId));
    }

    /** CONNECT 3.1.1 with raw connect flags and a raw payload. */
    static byte[] connectWithFlags(int flags, int keepAlive, byte[]... payload) {
        byte[][] parts = new byte[payload.length + 3][];
        parts[0] = str("MQTT");
        parts[1] = bytes(4, flags);
        parts[2] = bytes(keepAlive >> 8, keepAlive & 0xFF);
        System.arraycopy(payload, 0, parts, 3, payload.length);
        return packet(0x10, parts);
    }

    static byte[] publish(String topic, int qos, int packetId, String payload) {
        return publish(0x30 | (qos << 1), str(topic), qos, packetId, payload);
    }

    static byte[] publish(int header, byte[] topic, int qos, int packetId, String payload) {
        byte[] id = qos > 0 ? bytes(packetId >> 8, packetId & 0xFF) : new byte[0];
        return packet(header, topic, id, payload.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] subscribe(int packetId, String filter, int qos) {
        return packet(0x82, bytes(packetId >> 8, packetId & 0xFF), str(filter), bytes(qos));
    }

    static byte[] ack(int type, int packetId) {
        return packet(type == 6 ? 0x62 : type << 4, bytes(packetId >> 8, packetId & 0xFF));
    }
}
