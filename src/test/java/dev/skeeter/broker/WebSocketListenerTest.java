package dev.skeeter.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WebSocket listeners (ws and wss) with Paho, python3-paho-mqtt and raw frames. */
class WebSocketListenerTest {
    private static final byte[] CONNECT = {0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 1, 'w'};
    private static ListenerPki pki;
    private static Broker broker;
    private static int wsPort;
    private static int wssPort;

    @BeforeAll
    static void start() throws Exception {
        pki = ListenerPki.shared();
        broker = Broker.create(BrokerConfig.builder()
                .listener(ListenerConfig.websockets(0, "127.0.0.1"))
                .listener(ListenerConfig.websockets(0, "127.0.0.1").withTls(pki.tls("ec-sec1")))
                .build());
        var bound = broker.start().get(10, SECONDS);
        wsPort = bound.get(0).getPort();
        wssPort = bound.get(1).getPort();
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "wss"})
    void pahoRoundTripsOverWebSocketsOnAnyPath(String scheme) throws Exception {
        int port = scheme.equals("ws") ? wsPort : wssPort;
        MqttConnectOptions options = new MqttConnectOptions();
        if (scheme.equals("wss")) {
            options.setSocketFactory(TlsListenerTest.clientContext(pki.ca(), null, null).getSocketFactory());
        }
        List<String> received = new CopyOnWriteArrayList<>();
        byte[] big = new byte[200_000];
        Arrays.fill(big, (byte) 'x');
        for (String path : List.of("/mqtt", "/", "/any/path")) {
            MqttClient client = new MqttClient(scheme + "://localhost:" + port + path, "paho-" + scheme,
                    new MemoryPersistence());
            client.connect(options);
            client.subscribe("ws/#", 1, (topic, message) -> received.add(topic + "=" + message.getPayload().length));
            client.publish("ws/small", "hi".getBytes(), 1, false);
            client.publish("ws/big", big, 1, false);
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> received.containsAll(List.of("ws/small=2", "ws/big=200000")));
            received.clear();
            client.disconnect();
            client.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws", "wss"})
    void pythonPahoRoundTripsA200KbPayload(String scheme) throws Exception {
        // Debian's python3 (where python3-paho-mqtt installs), ahead of any python3 earlier on the PATH.
        String python = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
                : ExternalTools.require("python3", "python3-paho-mqtt").toString();
        String script = """
                import sys, threading
                import paho.mqtt.client as mqtt
                port, ca = int(sys.argv[1]), sys.argv[2]
                got = threading.Event()
                payload = bytes(range(256)) * 800
                def on_message(client, userdata, msg):
                    if msg.payload == payload:
                        got.set()
                def on_connect(client, userdata, flags, rc):
                    client.subscribe("py/big", 1)
                def on_subscribe(client, userdata, mid, granted):
                    client.publish("py/big", payload, 1)
                c = mqtt.Client(client_id="python-ws", transport="websockets")
                c.ws_set_options(path="/mqtt")
                if ca != "-":
                    c.tls_set(ca_certs=ca)
                c.on_connect, c.on_subscribe, c.on_message = on_connect, on_subscribe, on_message
                c.connect("localhost", port, 60)
                c.loop_start()
                ok = got.wait(20)
                c.disconnect()
                c.loop_stop()
                print("received 204800 bytes intact" if ok else "nothing received")
                sys.exit(0 if ok else 1)
                """;
        Process process = new ProcessBuilder(python, "-c", script,
                String.valueOf(scheme.equals("ws") ? wsPort : wssPort),
                scheme.equals("ws") ? "-" : pki.ca().toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (output.contains("No module named 'paho'")) {
            ExternalTools.require("python3-paho-is-missing", "python3-paho-mqtt");
        }
        assertThat(output).contains("received 204800 bytes intact");
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void aPacketMaySpanFramesAndAFrameMayHoldSeveralPackets() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", wsPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            upgrade(out, in, "mqtt");
            out.write(frame(Arrays.copyOfRange(CONNECT, 0, 5)));
            out.write(frame(concat(Arrays.copyOfRange(CONNECT, 5, CONNECT.length), new byte[] {(byte) 0xC0, 0})));
            byte[] answers = new byte[0];
            while (answers.length < 6) {
                answers = concat(answers, readFrame(new DataInputStream(in)));
            }
            assertThat(answers).containsExactly(0x20, 2, 0, 0, 0xD0, 0);
        }
    }

    @Test
    void theMqttv31SubprotocolIsAccepted() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", wsPort)) {
            socket.setSoTimeout(10_000);
            assertThat(upgrade(socket.getOutputStream(), socket.getInputStream(), "mqttv3.1"))
                    .contains("Sec-WebSocket-Protocol: mqttv3.1\r\n".toLowerCase());
        }
    }

    /** Sends the HTTP upgrade and returns the response head, lower-cased. */
    private static String upgrade(OutputStream out, InputStream in, String subprotocol) throws IOException {
        out.write(("GET /mqtt HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: " + subprotocol + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII).toLowerCase();
        assertThat(text).startsWith("http/1.1 101");
        return text;
    }

    /** A masked binary frame, as clients must send. */
    private static byte[] frame(byte[] payload) {
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x82;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    private static byte[] readFrame(DataInputStream in) throws IOException {
        assertThat(in.readUnsignedByte()).as("a final binary frame").isEqualTo(0x82);
        int length = in.readUnsignedByte();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

}
