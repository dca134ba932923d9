package dev.skeeter.ui.localbroker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.profiles.Profile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalBrokerConnectorTest {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final LocalBrokerService service = new LocalBrokerService();
    private final LocalBrokerConnector connector = new LocalBrokerConnector(service, background);

    @AfterEach
    void tearDown() {
        service.close();
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    @Test
    void aFreePortStartsTheEmbeddedBrokerThere() throws Exception {
        int port = PortProbe.freePort("127.0.0.1");

        var preparation = connector.prepare(Profile.localBroker(port)).get(10, SECONDS);

        assertThat(preparation).isEqualTo(new LocalBrokerConnector.Ready(true));
        assertThat(service.isRunning()).isTrue();
        assertThat(service.listensOn(port)).isTrue();
        assertThat(connector.prepare(Profile.localBroker(port)).get(10, SECONDS))
                .isEqualTo(new LocalBrokerConnector.Ready(false));
    }

    @Test
    void aPortTakenBySomeoneElseIsNeverUsedAndAFreeOneIsOffered() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var preparation = connector.prepare(Profile.localBroker(other.getLocalPort())).get(10, SECONDS);

            assertThat(preparation).isInstanceOf(LocalBrokerConnector.PortTaken.class);
            var taken = (LocalBrokerConnector.PortTaken) preparation;
            assertThat(taken.port()).isEqualTo(other.getLocalPort());
            assertThat(taken.freePort()).isNotEqualTo(other.getLocalPort()).isPositive();
            assertThat(taken.explanation()).contains("already used by another program");
            assertThat(service.isRunning()).isFalse();
        }
    }

    @Test
    void portProbeSeesAListeningSocket() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(PortProbe.isTaken("127.0.0.1", other.getLocalPort())).isTrue();
        }
        assertThat(PortProbe.isTaken("127.0.0.1", PortProbe.freePort("127.0.0.1"))).isFalse();
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
