package dev.skeeter.ui.localbroker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.broker.ClientInfo;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalBrokerViewModelTest {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final LocalBrokerService service = new LocalBrokerService();
    private final LocalBrokerViewModel model = new LocalBrokerViewModel(service, Runnable::run, background);

    @AfterEach
    void tearDown() {
        service.close();
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    @Test
    void startListsAddressesAndConnectedClientsThenStopClearsThem() throws Exception {
        model.portProperty().set("0");
        model.start();
        await().atMost(10, SECONDS).until(() -> model.runningProperty().get());
        assertThat(model.addresses()).hasSize(1).first().asString().startsWith("127.0.0.1:");
        int port = Integer.parseInt(model.portProperty().get());
        assertThat(port).isPositive(); // the bound port replaces 0

        try (MqttConnection client = new MqttConnection(
                Profile.create("c", "127.0.0.1", port).toBuilder().clientId("ui-test-client").build())) {
            client.connect().get(10, SECONDS);
            await().atMost(10, SECONDS).untilAsserted(() ->
                    assertThat(model.clients()).extracting(ClientInfo::clientId).containsExactly("ui-test-client"));
            assertThat(model.statusProperty().get()).endsWith("1 client");
            await().atMost(5, SECONDS).untilAsserted(() ->
                    assertThat(model.log().allEntries()).anyMatch(e -> e.text().contains("ui-test-client")));
        }

        model.stop();
        await().atMost(10, SECONDS).until(() -> !model.runningProperty().get());
        assertThat(model.clients()).isEmpty();
        assertThat(model.addresses()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Local broker: stopped");
    }

    @Test
    void aBadPortIsExplainedAndCannotStart() {
        model.portProperty().set("http");
        assertThat(model.portErrorProperty().get()).isEqualTo("Port must be a number");
        assertThat(model.canStart().get()).isFalse();
        model.portProperty().set("1884");
        assertThat(model.portErrorProperty().get()).isNull();
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
