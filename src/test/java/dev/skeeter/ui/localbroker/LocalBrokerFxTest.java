package dev.skeeter.ui.localbroker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.broker.BrokerStats;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.ShellFixture;
import java.nio.charset.StandardCharsets;
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
            client.subscribe(List.of(new SubscriptionRequest("fx/#", 0))).get(10, SECONDS);
            client.publish("fx/kept", "retained".getBytes(StandardCharsets.UTF_8), 1, true).get(10, SECONDS);
            // the view's one-second timer shows what the broker counts ($SYS's own retained values included)
            await().atMost(20, SECONDS).untilAsserted(() -> {
                BrokerStats now = fixture.localBroker.stats();
                assertThat(now.clientsConnected()).isEqualTo(1);
                assertThat(stat("clients")).isEqualTo("1");
                assertThat(stat("retained")).isEqualTo(String.format("%,d", now.retainedMessages()));
                assertThat(stat("subscriptions")).isEqualTo(String.format("%,d", now.subscriptions()));
                assertThat(stat("uptime")).matches("0:00:\\d\\d");
            });
            for (int i = 0; i < 50; i++) {
                client.publish("fx/flow", new byte[] {1}, 0, false);
            }
            await().atMost(20, SECONDS).untilAsserted(() -> {
                assertThat(stat("in")).matches("[1-9][0-9,]*/s");
                assertThat(stat("out")).matches("[1-9][0-9,]*/s");
            });
        }

        clickOn("#broker-stop");
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#broker-status").queryLabeled().getText()).isEqualTo("Local broker: stopped"));
        assertThat(clients()).isEmpty();
        assertThat(fixture.localBroker.isRunning()).isFalse();
        await().atMost(20, SECONDS).untilAsserted(() -> assertThat(stat("clients")).isEqualTo("–"));
    }

    private String stat(String name) {
        return lookup("#broker-stat-" + name).queryLabeled().getText();
    }

    @SuppressWarnings("unchecked")
    private List<ClientInfo> clients() {
        return List.copyOf(((TableView<ClientInfo>) lookup("#broker-clients").queryAs(TableView.class)).getItems());
    }
}
