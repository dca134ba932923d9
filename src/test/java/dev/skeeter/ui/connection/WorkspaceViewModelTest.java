package dev.skeeter.ui.connection;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.log.LogLevel;
import dev.skeeter.ui.support.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkspaceViewModelTest {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final LocalBrokerService localBroker = new LocalBrokerService();
    private final List<Profile> replacements = new ArrayList<>();
    private final List<WorkspaceViewModel> opened = new ArrayList<>();

    @AfterEach
    void tearDown() {
        opened.forEach(w -> w.close(Runnable::run));
        localBroker.close();
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    private WorkspaceViewModel workspace(Profile profile) {
        WorkspaceViewModel w = new WorkspaceViewModel(profile, new MqttConnection(profile),
                new LocalBrokerConnector(localBroker, background), Runnable::run, background,
                replacements::add);
        opened.add(w);
        return w;
    }

    @Test
    void connectAndDisconnectAgainstTheEmbeddedBroker() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            WorkspaceViewModel w = workspace(Profile.create("t", "127.0.0.1", broker.port()));
            assertThat(w.canConnect().get()).isTrue();

            w.connect();
            await().atMost(10, SECONDS).until(() -> w.stateProperty().get() == ConnectionState.CONNECTED);
            await().atMost(5, SECONDS).until(() -> !w.busyProperty().get());
            assertThat(w.canDisconnect().get()).isTrue();
            assertThat(w.failureProperty().get()).isNull();
            await().atMost(5, SECONDS).until(() -> !w.log().allEntries().isEmpty());

            w.connection().publish("t/1", new byte[] {1}, 0, false).get(5, SECONDS);
            w.traffic().tick(System.nanoTime());
            assertThat(w.traffic().messagesOutProperty().get()).isEqualTo(1);

            w.disconnect();
            await().atMost(10, SECONDS).until(() -> w.stateProperty().get() == ConnectionState.DISCONNECTED);
            assertThat(w.canConnect().get()).isTrue();
        }
    }

    @Test
    void theWorkspaceKeepsOneListOfTopicsSeenForItsPanes() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            WorkspaceViewModel w = workspace(Profile.create("t", "127.0.0.1", broker.port()));
            w.connect();
            await().atMost(10, SECONDS).until(() -> w.stateProperty().get() == ConnectionState.CONNECTED);
            w.connection().subscribe(List.of(new SubscriptionRequest("seen/#", 0))).get(10, SECONDS);
            w.connection().publish("seen/kitchen", new byte[] {1}, 0, false).get(10, SECONDS);
            w.connection().publish("seen/hall", new byte[] {2}, 0, false).get(10, SECONDS);

            await().atMost(10, SECONDS).until(() -> w.topicsSeen().size() == 2);
            assertThat(w.topicsSeen().suggest("seen", 5)).containsExactly("seen/hall", "seen/kitchen");
        }
    }

    @Test
    void aRefusedConnectionIsExplainedInTheWorkspace() throws Exception {
        int closedPort = PortProbe.freePort("127.0.0.1");
        WorkspaceViewModel w = workspace(Profile.create("t", "127.0.0.1", closedPort));

        w.connect();

        await().atMost(10, SECONDS).until(() -> w.failureProperty().get() != null && !w.busyProperty().get());
        assertThat(w.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(w.failureProperty().get().summary()).isNotBlank();
        assertThat(w.canConnect().get()).isTrue();
    }

    @Test
    void theLocalBrokerProfileStartsTheEmbeddedBrokerInOneClick() {
        int port = PortProbe.freePort("127.0.0.1");
        WorkspaceViewModel w = workspace(Profile.localBroker(port));

        w.connect();

        await().atMost(10, SECONDS).until(() -> w.stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(localBroker.listensOn(port)).isTrue();
        assertThat(w.log().allEntries()).anyMatch(e -> e.text().equals("Started the local broker on port " + port));
    }

    @Test
    void aTakenLocalPortIsNeverConnectedAndAFreePortIsOffered() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            WorkspaceViewModel w = workspace(Profile.localBroker(other.getLocalPort()));

            w.connect();

            await().atMost(10, SECONDS).until(() -> w.portOfferProperty().get() != null);
            assertThat(w.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(w.log().allEntries()).anyMatch(e -> e.level() == LogLevel.WARN);
            int free = w.portOfferProperty().get().freePort();

            w.acceptPortOffer();

            assertThat(replacements).singleElement().satisfies(p -> {
                assertThat(p.port()).isEqualTo(free);
                assertThat(p.isLocalBroker()).isTrue();
            });
            assertThat(w.profile().port()).isEqualTo(free);
            await().atMost(10, SECONDS).until(() -> w.stateProperty().get() == ConnectionState.CONNECTED);
            assertThat(w.connection().profile().port()).isEqualTo(free);
        }
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
