package dev.skeeter.ui;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.common.FxFileChooserService;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.theme.Look;
import dev.skeeter.ui.theme.Theme;
import dev.skeeter.ui.theme.ThemeManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * The real main window (temporary config dir) with the local broker connected in one click and messages flowing
 * into its Subscribe tab, for screenshots of the panes in the app: {@code -Dpreview.theme=light|dark}. Not a test.
 */
public final class AppPanesPreview {
    public static void main(String[] args) throws Exception {
        boolean dark = "dark".equals(System.getProperty("preview.theme"));
        Path dir = Files.createTempDirectory("skeeter-app-preview");
        int port = PortProbe.freePort("127.0.0.1");
        ProfileStore profiles = ProfileStore.open(dir.resolve("profiles.json"));
        profiles.saveAll(List.of(Profile.localBroker(port)));
        AppStateStore state = AppStateStore.open(dir.resolve("state.json"));
        state.update(s -> s.withTheme(dark ? "dark" : "light"));
        var background = Executors.newCachedThreadPool();
        Platform.startup(() -> {
            Stage stage = new Stage();
            var files = new FxFileChooserService(() -> stage);
            AppServices services = new AppServices(profiles, state, new LocalBrokerService(),
                    ConnectionFactory.standard(), p -> "", files, background,
                    Panes.standard(state, files, background), url -> { });
            Shell shell = new Shell(services, new ThemeManager(Look.fromSystemProperty(),
                    dark ? Theme.DARK : Theme.LIGHT));
            shell.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(Integer.getInteger("preview.width", 1280));
            stage.setHeight(Integer.getInteger("preview.height", 800));
            ((Button) stage.getScene().lookup("#offer-local-broker")).fire();
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !connected()) {
            Thread.sleep(100);
        }
        Platform.runLater(() -> {
            var scene = Stage.getWindows().get(0).getScene();
            for (var node : scene.getRoot().lookupAll(".tab-pane")) {
                TabPane tabs = (TabPane) node;
                tabs.getTabs().stream().filter(t -> "tab-subscribe".equals(t.getId())).findFirst()
                        .ifPresent(t -> tabs.getSelectionModel().select(t));
            }
        });
        Thread.sleep(500);
        Platform.runLater(() -> {
            var scene = Stage.getWindows().get(0).getScene();
            for (String filter : new String[] {"home/+/temperature", "home/#", "plc/#"}) {
                ((TextField) scene.lookup("#subscribe-filter")).setText(filter);
                ((Button) scene.lookup("#subscribe-button")).fire();
            }
        });
        MqttConnection feed = new MqttConnection(Profile.create("feed", "127.0.0.1", port));
        feed.connect().get(10, TimeUnit.SECONDS);
        Random random = new Random(3);
        String[] rooms = {"kitchen", "hall", "office", "bedroom", "garage"};
        long[] n = {0};
        timer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < 3; i++) {
                String room = rooms[random.nextInt(rooms.length)];
                long k = n[0]++;
                if (k % 7 == 6) {
                    byte[] raw = new byte[16];
                    random.nextBytes(raw);
                    feed.publish("plc/line1/raw", raw, 0, false);
                } else if (k % 3 == 0) {
                    feed.publish("home/" + room + "/light", (random.nextBoolean() ? "ON" : "OFF")
                            .getBytes(StandardCharsets.UTF_8), 0, false);
                } else {
                    feed.publish("home/" + room + "/temperature", String.format(Locale.ROOT,
                            "{\"value\":%.1f,\"unit\":\"C\",\"seq\":%d}", 18 + random.nextDouble() * 6, k)
                            .getBytes(StandardCharsets.UTF_8), 0, false);
                }
            }
        }, 500, 10, TimeUnit.MILLISECONDS);
    }

    private static boolean connected() throws Exception {
        var result = new java.util.concurrent.CompletableFuture<Boolean>();
        Platform.runLater(() -> {
            var windows = Stage.getWindows();
            var label = windows.isEmpty() ? null : windows.get(0).getScene().lookup("#workspace-state");
            result.complete(label instanceof javafx.scene.control.Labeled l && "Connected".equals(l.getText()));
        });
        return result.get(30, TimeUnit.SECONDS); // the FX thread builds the window meanwhile: slow on a busy machine
    }

    private AppPanesPreview() {
    }
}
