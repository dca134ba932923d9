package dev.skeeter.ui.topics;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.SkeeterApp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Topics tab over one real connection (to our broker or to mosquitto), as a workspace hosts it, for TestFX
 * tests, the flood benchmark and screenshots. A second connection publishes.
 */
final class TopicsHarness implements AutoCloseable {
    final MqttConnection connection;
    final MqttConnection publisher;
    final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "topics-background");
        t.setDaemon(true);
        return t;
    });
    TopicsViewModel vm;
    TopicDetailViewModel detail;
    TopicsView view;
    final TabPane tabs = new TabPane();

    private TopicsHarness(MqttConnection connection, MqttConnection publisher) {
        this.connection = connection;
        this.publisher = publisher;
    }

    /** Call off the FX thread: connects both, then builds the tab on the FX thread. */
    static TopicsHarness start(String host, int port) throws Exception {
        MqttConnection connection = new MqttConnection(Profile.create("Topics", host, port));
        connection.connect().get(15, TimeUnit.SECONDS);
        MqttConnection publisher = new MqttConnection(Profile.create("Publisher", host, port));
        publisher.connect().get(15, TimeUnit.SECONDS);
        TopicsHarness h = new TopicsHarness(connection, publisher);
        CompletableFuture<Void> built = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                h.vm = new TopicsViewModel(connection, Platform::runLater, h.background);
                h.detail = new TopicDetailViewModel(h.vm, java.time.Duration.ofMillis(500));
                h.view = TopicsView.withDetail(h.vm, h.detail, h.background);
                Tab tab = new Tab("Topics", h.view.root());
                tab.setId("tab-topics");
                h.tabs.getTabs().add(tab);
                h.tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
                built.complete(null);
            } catch (RuntimeException e) {
                built.completeExceptionally(e);
            }
        });
        built.get(20, TimeUnit.SECONDS);
        return h;
    }

    Scene scene(double width, double height) {
        Scene scene = new Scene(tabs, width, height);
        scene.getStylesheets().add(SkeeterApp.STYLESHEET);
        return scene;
    }

    void publish(String topic, String payload, boolean retain) throws Exception {
        publisher.publish(topic, payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, retain)
                .get(10, TimeUnit.SECONDS);
    }

    void publishAll(List<String[]> topicPayloadPairs, boolean retain) throws Exception {
        for (String[] tp : topicPayloadPairs) {
            publish(tp[0], tp[1], retain);
        }
    }

    @Override
    public void close() throws Exception {
        CompletableFuture<Void> disposed = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (vm != null) {
                vm.dispose();
            }
            disposed.complete(null);
        });
        disposed.get(10, TimeUnit.SECONDS);
        connection.close();
        publisher.close();
        background.shutdown();
    }
}
