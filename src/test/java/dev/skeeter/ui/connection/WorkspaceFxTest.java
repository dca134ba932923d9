package dev.skeeter.ui.connection;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.SelfSignedCertificate;
import dev.skeeter.ui.support.ShellFixture;
import dev.skeeter.ui.support.TlsServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;

/** Failures shown in the workspace itself: an untrusted TLS server, the local broker's port taken. */
class WorkspaceFxTest extends ShellFxTestBase {
    @Test
    void aFailingTlsProfileShowsItsReasonAndTheServerChain() throws Exception {
        try (TlsServer server = new TlsServer(SelfSignedCertificate.create("untrusted.test"))) {
            Profile tls = Profile.create("Untrusted TLS", "127.0.0.1", server.port()).toBuilder()
                    .transport(Profile.Transport.TLS).build();
            fixture = new ShellFixture(configDir, List.of(tls)).show(p -> "");

            doubleClickOn("Untrusted TLS");
            clickOn("#connect-button");

            await().atMost(15, SECONDS).untilAsserted(() ->
                    assertThat(lookup("#failure-pane").query().isVisible()).isTrue());
            assertThat(lookup("#failure-summary").queryLabeled().getText()).isNotBlank();
            assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Failed");
            await().atMost(5, SECONDS).untilAsserted(() -> assertThat(
                    lookup("#failure-chain").queryAs(TextArea.class).getText()).contains("CN=untrusted.test")
                    .contains("SHA-256"));
        }
    }

    @Test
    void aTakenLocalBrokerPortIsSaidAndAFreePortConnects() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            fixture = new ShellFixture(configDir, List.of());
            fixture.profiles.saveAll(List.of(Profile.localBroker(other.getLocalPort())));
            fixture.show(p -> "");

            clickOn("#offer-local-broker");

            await().atMost(10, SECONDS).untilAsserted(() ->
                    assertThat(lookup("#port-offer").query().isVisible()).isTrue());
            assertThat(lookup("#port-offer-text").queryLabeled().getText()).contains("another program");
            assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Disconnected");

            clickOn("#use-free-port");

            await().atMost(10, SECONDS).untilAsserted(() ->
                    assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Connected"));
            int port = fixture.profiles.find(Profile.LOCAL_BROKER_ID).orElseThrow().port();
            assertThat(port).isNotEqualTo(other.getLocalPort());
            assertThat(fixture.localBroker.listensOn(port)).isTrue();
        }
    }
}
