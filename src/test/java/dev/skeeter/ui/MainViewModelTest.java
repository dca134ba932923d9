package dev.skeeter.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.connection.WorkspaceViewModel;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.profiles.ProfilesModel;
import dev.skeeter.ui.support.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final LocalBrokerService localBroker = new LocalBrokerService();
    private ProfilesModel profiles;
    private MainViewModel main;

    @BeforeEach
    void setUp() throws Exception {
        ProfileStore store = ProfileStore.open(dir.resolve("profiles.json"));
        // the built-in profile on a free port, so this test never meets a broker already on 1883
        store.saveAll(List.of(Profile.localBroker(PortProbe.freePort("127.0.0.1"))));
        profiles = new ProfilesModel(store, Runnable::run, background);
        main = new MainViewModel(profiles, p -> new MqttConnection(p),
                new LocalBrokerConnector(localBroker, background), Runnable::run, background);
    }

    @AfterEach
    void tearDown() {
        List.copyOf(main.workspaces()).forEach(main::close);
        localBroker.close();
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    @Test
    void firstStartOffersTheLocalBrokerAndOneClickConnects() {
        assertThat(main.showLocalBrokerOfferProperty().get()).isTrue();

        WorkspaceViewModel w = main.acceptLocalBrokerOffer();

        assertThat(main.showLocalBrokerOfferProperty().get()).isFalse();
        await().atMost(10, SECONDS).until(() -> w.stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(main.profileStates()).containsEntry(Profile.LOCAL_BROKER_ID, ConnectionState.CONNECTED);
        assertThat(localBroker.isRunning()).isTrue();
    }

    @Test
    void noOfferOnceTheUserHasProfilesOfTheirOwn() {
        profiles.put(Profile.create("Mine", "localhost", 1883));
        assertThat(main.showLocalBrokerOfferProperty().get()).isFalse();
    }

    @Test
    void oneWorkspacePerProfileAndClosingSelectsANeighbour() {
        Profile a = Profile.create("A", "localhost", 1883);
        Profile b = Profile.create("B", "localhost", 1883);
        profiles.putAll(List.of(a, b));

        WorkspaceViewModel wa = main.open(a);
        WorkspaceViewModel wb = main.open(b);
        assertThat(main.open(a)).isSameAs(wa);
        assertThat(main.workspaces()).containsExactly(wa, wb);
        assertThat(main.openProfileIds()).containsExactly(a.id(), b.id());

        main.closeCurrent(); // a is current after the second open(a)
        assertThat(main.workspaces()).containsExactly(wb);
        assertThat(main.currentProperty().get()).isSameAs(wb);
    }

    @Test
    void restoreReopensTheWorkspacesOfTheLastRun() {
        Profile a = Profile.create("A", "localhost", 1883);
        Profile b = Profile.create("B", "localhost", 1883);
        profiles.putAll(List.of(a, b));

        main.restore(List.of(b.id(), "gone", a.id()), a.id());

        assertThat(main.openProfileIds()).containsExactly(b.id(), a.id());
        assertThat(main.currentProperty().get().profile()).isEqualTo(a);
        assertThat(main.workspaces()).allMatch(w -> w.stateProperty().get() == ConnectionState.DISCONNECTED);
    }

    @Test
    void acceptingTheFreePortUpdatesTheProfileAndConnectsThere() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            profiles.put(Profile.localBroker(other.getLocalPort()));
            WorkspaceViewModel first = main.acceptLocalBrokerOffer();
            await().atMost(10, SECONDS).until(() -> first.portOfferProperty().get() != null);
            int free = first.portOfferProperty().get().freePort();

            first.acceptPortOffer();

            assertThat(main.currentProperty().get()).isSameAs(first); // the same workspace, moved in place
            assertThat(main.workspaces()).containsExactly(first);
            assertThat(profiles.find(Profile.LOCAL_BROKER_ID).orElseThrow().port()).isEqualTo(free);
            await().atMost(10, SECONDS).until(() -> first.stateProperty().get() == ConnectionState.CONNECTED);
            assertThat(localBroker.listensOn(free)).isTrue();
        }
    }

    @Test
    void editingTheProfileOfAClosedConnectionUpdatesItsWorkspaceInPlace() {
        Profile a = Profile.create("A", "localhost", 1883);
        Profile b = Profile.create("B", "localhost", 1883);
        profiles.putAll(List.of(a, b));
        WorkspaceViewModel before = main.open(a);
        main.open(b);
        main.open(a);

        profiles.put(a.toBuilder().port(1884).build());

        assertThat(main.workspaces().get(0)).isSameAs(before);
        assertThat(before.profile().port()).isEqualTo(1884);
        assertThat(before.connection().profile().port()).isEqualTo(1884);
        assertThat(main.currentProperty().get()).isSameAs(before);
    }

    @Test
    void editingTheProfileOfAConnectedWorkspaceReconnectsItInPlace() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            Profile a = Profile.create("A", "127.0.0.1", broker.port());
            profiles.put(a);
            WorkspaceViewModel connected = main.open(a);
            connected.connect();
            await().atMost(10, SECONDS).until(() -> connected.stateProperty().get() == ConnectionState.CONNECTED);
            connected.connection().subscribe(List.of(new dev.skeeter.client.SubscriptionRequest("a/#", 0)))
                    .get(10, SECONDS);

            Profile edited = a.toBuilder().keepAliveSeconds(a.keepAliveSeconds() + 7).build();
            profiles.put(edited);

            assertThat(main.workspaces()).containsExactly(connected);
            await().atMost(10, SECONDS).until(() -> connected.stateProperty().get() == ConnectionState.CONNECTED
                    && connected.connection().profile().equals(edited));
            assertThat(connected.profile()).isEqualTo(edited);
            assertThat(connected.profileChangesPendingProperty().get()).isFalse();
            assertThat(connected.log().allEntries()).anyMatch(e -> e.text().contains("reconnecting with the new"));
        }
    }

    @Test
    void anEditOfAProfileThatAsksItsPasswordWaitsForTheNextConnect() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            Profile a = Profile.create("A", "127.0.0.1", broker.port());
            profiles.put(a);
            WorkspaceViewModel connected = main.open(a);
            connected.connect();
            await().atMost(10, SECONDS).until(() -> connected.stateProperty().get() == ConnectionState.CONNECTED);

            Profile edited = a.toBuilder().credentials(new Profile.Credentials("user", null, false)).build();
            profiles.put(edited);

            assertThat(connected.profile()).isEqualTo(a); // keeps what it connected with
            assertThat(connected.profileChangesPendingProperty().get()).isTrue();
            assertThat(WorkspaceViewModel.PROFILE_CHANGES_PENDING_TEXT).contains("apply on the next connect");

            connected.disconnect();

            await().atMost(10, SECONDS).until(() -> connected.profile().equals(edited));
            assertThat(main.workspaces()).containsExactly(connected);
            assertThat(connected.profileChangesPendingProperty().get()).isFalse();
            assertThat(connected.stateProperty().get()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(connected.needsPassword()).isTrue();
        }
    }

    @Test
    void deletingAProfileClosesItsWorkspace() {
        Profile a = Profile.create("A", "localhost", 1883);
        profiles.put(a);
        main.open(a);
        profiles.remove(a.id());
        assertThat(main.workspaces()).isEmpty();
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
