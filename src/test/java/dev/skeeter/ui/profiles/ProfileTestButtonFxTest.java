package dev.skeeter.ui.profiles;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.ShellFixture;
import dev.skeeter.ui.support.TestBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The profiles editor's Test button, headless, against real sockets: our broker, a closed port, the local broker. */
class ProfileTestButtonFxTest extends ShellFxTestBase {
    @Test
    void testReportsSuccessAgainstABrokerAndTheClientCoresWordsForAClosedPort() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (TestBroker broker = TestBroker.start()) {
            fixture = new ShellFixture(configDir, List.of(Profile.create("Reachable", "127.0.0.1", broker.port()),
                    Profile.create("Closed", "127.0.0.1", closedPort))).show(p -> "");
            openEditor();

            testProfile("Reachable");
            await().atMost(10, SECONDS).untilAsserted(() -> assertThat(result())
                    .startsWith("Connected to tcp://127.0.0.1:" + broker.port()));
            assertThat(lookup("#profile-test-result").query().getStyleClass()).contains("ok");

            testProfile("Closed");
            await().atMost(10, SECONDS).untilAsserted(() -> assertThat(result())
                    .contains("connection refused: nothing listens on").contains(Integer.toString(closedPort)));
            assertThat(lookup("#profile-test-result").query().getStyleClass()).contains("error");
        }
    }

    @Test
    void testOnTheLocalBrokerProfileStartsTheEmbeddedBrokerFirst() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        int port = fixture.profiles.find(Profile.LOCAL_BROKER_ID).orElseThrow().port();
        assertThat(fixture.localBroker.isRunning()).isFalse();
        openEditor();

        testProfile("Local broker");

        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(result())
                .startsWith("Connected to tcp://127.0.0.1:" + port).endsWith("(started the local broker)"));
        assertThat(fixture.localBroker.listensOn(port)).isTrue();
    }

    @Test
    void testOnTheLocalBrokerProfileNeverTalksToAnotherProgramOnItsPort() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            fixture = new ShellFixture(configDir, List.of());
            fixture.profiles.saveAll(List.of(Profile.localBroker(other.getLocalPort())));
            fixture.show(p -> "");
            openEditor();

            testProfile("Local broker");

            await().atMost(10, SECONDS).untilAsserted(() -> assertThat(result())
                    .contains("already used by another program").contains("will not connect"));
            assertThat(fixture.localBroker.isRunning()).isFalse();
            assertThat(lookup("#profile-test-result").query().getStyleClass()).contains("error");
        }
    }

    private void openEditor() {
        push(KeyCode.CONTROL, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void testProfile(String name) {
        Node cell = lookup("#profiles-list .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof Profile p && p.name().equals(name)).query();
        clickOn(cell);
        clickOn("#profile-test");
    }

    private String result() {
        return lookup("#profile-test-result").queryLabeled().getText();
    }
}
