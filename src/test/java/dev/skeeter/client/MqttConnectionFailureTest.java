package dev.skeeter.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.MosquittoBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Failures before any broker answers: refused, unknown host, timeout. */
class MqttConnectionFailureTest {
    static ConnectionFailure failureOf(Profile profile) {
        return failureOf(profile, null);
    }

    static ConnectionFailure failureOf(Profile profile, char[] password) {
        RecordingListener listener = new RecordingListener();
        try (MqttConnection connection = new MqttConnection(profile)) {
            connection.addListener(listener);
            assertThatThrownBy(() -> (password == null ? connection.connect() : connection.connect(password))
                    .get(15, SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ConnectionException.class);
            assertThat(connection.state()).isEqualTo(ConnectionState.FAILED);
            listener.awaitState(ConnectionState.FAILED);
        }
        listener.assertNeverOnPahoThreads();
        RecordingListener.StateChange failed = listener.states.stream()
                .filter(s -> s.current() == ConnectionState.FAILED).findFirst().orElseThrow();
        assertThat(listener.events).anyMatch(e -> e.level() == ConnectionEvent.Level.ERROR
                && e.text().contains(failed.failure().summary()));
        return failed.failure();
    }

    @Test
    void refusedConnectionSaysNothingListens() throws Exception {
        int port = MosquittoBroker.freePort();
        ConnectionFailure failure = failureOf(Profile.create("refused", "127.0.0.1", port));
        assertThat(failure.summary()).isEqualTo("connection refused: nothing listens on 127.0.0.1:" + port);
        assertThat(failure.detail()).contains("ConnectException");
        assertThat(failure.serverChain()).isEmpty();
    }

    @Test
    void unknownHostIsNamed() {
        ConnectionFailure failure = failureOf(Profile.create("unknown", "no-such-host.invalid", 1883));
        assertThat(failure.summary()).startsWith("unknown host: no-such-host.invalid");
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Profile profile = Profile.create("silent", "127.0.0.1", silent.getLocalPort()).toBuilder()
                    .connectTimeoutSeconds(1).build();
            long start = System.nanoTime();
            ConnectionFailure failure = failureOf(profile);
            assertThat(failure.summary()).isEqualTo("timed out: 127.0.0.1:" + silent.getLocalPort()
                    + " did not answer within 1 s");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        }
    }
}
