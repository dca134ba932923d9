package dev.skeeter.ui.localbroker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.broker.ClientInfo;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.ShellFixture;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The Local broker view headless: start, a client appears, stop. */
class LocalBrokerFxTest extends ShellFxTestBase {
    @Test
    void startListClientsAndStop() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        clickOn("#local-broker-indicator");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#broker-port").push(KeyCode.CONTROL, KeyCode.A).write("0");

        clickOn("#broker-start");

        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#broker-addresses").queryLabeled().getText()).startsWith("127.0.0.1:"));
        int port = fixture.localBroker.addresses().get(0).getPort();
        assertThat(lookup("#local-broker-indicator").queryLabeled().getText()).contains(":" + port);

        try (MqttConnection client = new MqttConnection(Profile.create("c", "127.0.0.1", port).toBuilder()
                .clientId("fx-client").build())) {
            client.connect().get(10, SECONDS);
            await().atMost(10, SECONDS).untilAsserted(() -> assertThat(clients())
                    .extracting(ClientInfo::clientId).containsExactly("fx-client"));
        }

        clickOn("#broker-stop");
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#broker-status").queryLabeled().getText()).isEqualTo("Local broker: stopped"));
        assertThat(clients()).isEmpty();
        assertThat(fixture.localBroker.isRunning()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private List<ClientInfo> clients() {
        return List.copyOf(((TableView<ClientInfo>) lookup("#broker-clients").queryAs(TableView.class)).getItems());
    }
}
