package dev.skeeter.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.profiles.Profile;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A SUBACK that refuses one filter (0x80). mosquitto 2.0.11 grants every 3.1.1 subscription and applies its ACL
 * at delivery, and our broker has no subscribe authoriser yet, so a few lines play the broker here.
 */
class SubscriptionRefusalTest {
    @Test
    void refusedFilterIsReportedAndForgotten() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread broker = new Thread(() -> answer(server), "scripted-broker");
            broker.setDaemon(true);
            broker.start();
            RecordingListener listener = new RecordingListener();
            try (MqttConnection connection = new MqttConnection(
                    Profile.create("scripted", "127.0.0.1", server.getLocalPort()))) {
                connection.addListener(listener);
                connection.connect().get(10, SECONDS);
                List<Integer> granted = connection.subscribe(List.of(new SubscriptionRequest("allowed/x", 1),
                        new SubscriptionRequest("denied/x", 1))).get(10, SECONDS);

                assertThat(granted).containsExactly(1, 0x80);
                assertThat(connection.activeSubscriptions()).containsOnlyKeys("allowed/x");
                // events reach listeners from the connection's own thread, after the future completes
                await().atMost(10, SECONDS).untilAsserted(() -> assertThat(listener.events)
                        .anyMatch(e -> e.level() == ConnectionEvent.Level.WARN
                                && e.text().contains("refused the subscription to denied/x")));
            }
        }
    }

    /** CONNECT -> CONNACK accepted; SUBSCRIBE -> SUBACK granting QoS 1, then refusing. */
    private static void answer(ServerSocket server) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            readPacket(in);
            out.write(new byte[] {0x20, 0x02, 0x00, 0x00});
            out.flush();
            byte[] subscribe = readPacket(in);
            out.write(new byte[] {(byte) 0x90, 0x04, subscribe[0], subscribe[1], 0x01, (byte) 0x80});
            out.flush();
            while (true) {
                readPacket(in); // until the client goes away
            }
        } catch (IOException e) {
            // the client closed: done
        }
    }

    private static byte[] readPacket(DataInputStream in) throws IOException {
        in.readUnsignedByte();
        int remaining = 0;
        for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
            b = in.readUnsignedByte();
            remaining |= (b & 0x7F) << shift;
        }
        byte[] body = new byte[remaining];
        in.readFully(body);
        return body;
    }
}
