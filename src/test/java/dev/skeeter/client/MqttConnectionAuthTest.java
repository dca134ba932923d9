package dev.skeeter.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User names and passwords against mosquitto's password file, and CONNACK refusals in words. */
class MqttConnectionAuthTest {
    private static MosquittoBroker mosquitto;

    @BeforeAll
    static void start() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-passwd-");
        Path passwords = dir.resolve("passwd");
        String tool = ExternalTools.require("mosquitto_passwd", "mosquitto").toString();
        Process process = new ProcessBuilder(tool, "-c", "-b", passwords.toString(), "alice", "wonderland")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        mosquitto = MosquittoBroker.start("allow_anonymous false", "password_file " + passwords);
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static Profile profile(String user, String password, boolean save) {
        return Profile.create("auth", "127.0.0.1", mosquitto.port()).toBuilder()
                .credentials(new Profile.Credentials(user, password, save)).build();
    }

    @Test
    void savedPasswordConnects() throws Exception {
        try (MqttConnection connection = new MqttConnection(profile("alice", "wonderland", true))) {
            connection.connect().get(10, SECONDS);
            assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void passwordAskedAtConnectConnectsAndIsNeverLogged() throws Exception {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(profile("alice", null, false))) {
            connection.addListener(listener);
            connection.connect("wonderland".toCharArray()).get(10, SECONDS);
            assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);
        }
        assertThat(listener.events).isNotEmpty().noneMatch(e -> e.text().contains("wonderland"));
    }

    @Test
    void wrongPasswordIsRefusedInWords() {
        ConnectionFailure failure = MqttConnectionFailureTest.failureOf(profile("alice", "looking-glass", true));
        // mosquitto 2 refuses a wrong password of a 3.1.1 client with CONNACK 5, not 4
        assertThat(failure.summary()).startsWith("not authorised").contains("check the user name and password");
        assertThat(failure.summary() + failure.detail()).doesNotContain("looking-glass");
    }

    @Test
    void anonymousClientIsToldTheBrokerMayWantCredentials() {
        ConnectionFailure failure = MqttConnectionFailureTest.failureOf(profile(null, null, true));
        assertThat(failure.summary()).startsWith("not authorised").contains("may want a user name and password");
    }

    /**
     * mosquitto 2 answers every refusal of a 3.1.1 client with "not authorised", so the other CONNACK codes come
     * from a few lines that read the CONNECT and answer with the code under test.
     */
    @ParameterizedTest
    @CsvSource({
            "1, unacceptable protocol version",
            "2, identifier rejected",
            "3, server unavailable",
            "4, bad user name or password",
            "5, not authorised"
    })
    void everyConnackRefusalIsPutInWords(int code, String words) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread refuser = new Thread(() -> refuseOnce(server, code), "connack-" + code);
            refuser.setDaemon(true);
            refuser.start();
            Profile profile = Profile.create("refusing", "127.0.0.1", server.getLocalPort());
            ConnectionFailure failure = MqttConnectionFailureTest.failureOf(profile);
            assertThat(failure.summary()).startsWith(words);
        }
    }

    private static void refuseOnce(ServerSocket server, int code) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readUnsignedByte(); // CONNECT fixed header
            int remaining = 0;
            for (int shift = 0, b = 0x80; (b & 0x80) != 0; shift += 7) {
                b = in.readUnsignedByte();
                remaining |= (b & 0x7F) << shift;
            }
            in.readFully(new byte[remaining]);
            socket.getOutputStream().write(new byte[] {0x20, 0x02, 0x00, (byte) code});
            socket.getOutputStream().flush();
            in.read(); // until the client closes
        } catch (IOException e) {
            // the test fails on its own assertions
        }
    }
}
