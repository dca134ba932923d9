package dev.skeeter.ui;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.connection.WorkspaceViewModel;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.support.ScriptedFileChooserService;
import dev.skeeter.ui.support.SelfSignedCertificate;
import dev.skeeter.ui.support.TlsServer;
import dev.skeeter.ui.theme.Look;
import dev.skeeter.ui.theme.Theme;
import dev.skeeter.ui.theme.ThemeManager;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Not a test: walks through every screen of the shell on a real display (run under Xvfb, GTK) and writes a PNG of
 * each window. {@code ScreenshotTour OUT_DIR WIDTH HEIGHT light|dark [primer|modena]}.
 */
public final class ScreenshotTour {
    private static String prefix;
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args[0]));
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Theme theme = args[3].equals("dark") ? Theme.DARK : Theme.LIGHT;
        if (args.length > 4) {
            System.setProperty("skeeter.look", args[4]);
        }
        prefix = args[3] + "-" + width + (args.length > 4 ? "-" + args[4] : "") + "-";
        Path config = Files.createTempDirectory("skeeter-tour");
        ProfileStore profiles = ProfileStore.open(config.resolve("profiles.json"));
        TlsServer tls = new TlsServer(SelfSignedCertificate.create("mqtt.untrusted.example"));
        profiles.saveAll(List.of(Profile.localBroker(PortProbe.freePort("127.0.0.1"))));
        AppStateStore state = AppStateStore.open(config.resolve("state.json"));
        state.update(s -> s.withTheme(theme.name().toLowerCase()).withWindow(
                new dev.skeeter.profiles.AppState.WindowLayout(0.0, 0.0, width, height, false, null)));
        ExecutorService background = Executors.newCachedThreadPool();
        LocalBrokerService broker = new LocalBrokerService();
        AppServices services = new AppServices(profiles, state, broker, ConnectionFactory.standard(),
                CertificateDescriber::describe, new ScriptedFileChooserService(), background,
                Panes.standard(state, new ScriptedFileChooserService(), background),
                url -> { });
        Platform.startup(() -> { });
        Shell shell = fx(() -> {
            Shell s = new Shell(services, new ThemeManager(Look.fromSystemProperty(), theme));
            s.show(new Stage());
            return s;
        });
        settle();
        shot("main-first-start", shell.window().root().getScene());

        WorkspaceViewModel local = fx(() -> shell.model().acceptLocalBrokerOffer());
        waitUntil(() -> local.stateProperty().get() == ConnectionState.CONNECTED);
        int port = broker.addresses().get(0).getPort();
        try (MqttConnection other = new MqttConnection(Profile.create("o", "127.0.0.1", port).toBuilder()
                .clientId("sensor-17").build())) {
            other.connect().get(10, TimeUnit.SECONDS);
            Scene main = shell.window().root().getScene();
            fx(() -> {
                var tabs = (javafx.scene.control.TabPane) main.lookup("#workspace-tabs");
                tabs.getSelectionModel().select(1);
                return null;
            });
            settle();
            fx(() -> {
                ((javafx.scene.control.TextInputControl) main.lookup("#subscribe-filter")).setText("plant/#");
                ((javafx.scene.control.ButtonBase) main.lookup("#subscribe-button")).fire();
                return null;
            });
            Thread.sleep(500);
            for (int i = 0; i < 40; i++) {
                other.publish("plant/line" + (i % 3 + 1) + "/temp", ("{\"t\":" + (20 + i % 7) + ".5}").getBytes(),
                        1, false).get(5, TimeUnit.SECONDS);
            }
            Thread.sleep(1200); // let the counters tick once
            settle();
            shot("workspace-connected", shell.window().root().getScene());

            fx(() -> {
                shell.window().windows().showLocalBroker();
                return null;
            });
            settle();
            shot("local-broker", windowTitled("Local broker").getScene());
        }

        Profile failing = Profile.create("Plant (TLS)", "127.0.0.1", tls.port()).toBuilder()
                .transport(Profile.Transport.TLS).build();
        WorkspaceViewModel tlsWorkspace = fx(() -> {
            shell.model().profilesModel().put(failing);
            WorkspaceViewModel w = shell.model().open(failing);
            w.connect();
            return w;
        });
        waitUntil(() -> tlsWorkspace.failureProperty().get() != null);
        settle();
        shot("workspace-tls-failure", shell.window().root().getScene());

        fx(() -> {
            shell.window().windows().newProfile();
            return null;
        });
        settle();
        Scene editor = windowTitled("Connection profiles").getScene();
        fx(() -> {
            var port2 = (javafx.scene.control.TextField) editor.lookup("#profile-port");
            port2.setText("18x3");
            var name = (javafx.scene.control.TextField) editor.lookup("#profile-name");
            name.setText("");
            return null;
        });
        settle();
        shot("profiles-editor-errors", editor);
        fx(() -> {
            shell.window().windows().showProfiles();
            var list = (javafx.scene.control.ListView<?>) editor.lookup("#profiles-list");
            list.getSelectionModel().select(1);
            var tabs = (javafx.scene.control.TabPane) editor.lookup("#profile-sections");
            tabs.getSelectionModel().select(2);
            return null;
        });
        settle();
        shot("profiles-editor-tls", editor);

        fx(() -> {
            shell.window().windows().showShortcuts();
            return null;
        });
        settle();
        shot("shortcuts", windowTitled("Keyboard shortcuts").getScene());
        fx(() -> {
            shell.window().windows().showAbout();
            return null;
        });
        settle();
        shot("about", windowTitled("About Skeeter").getScene());

        tls.close();
        broker.close();
        Platform.exit();
        System.exit(0);
    }

    private static Window windowTitled(String title) throws Exception {
        return fx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && title.equals(s.getTitle())).findFirst().orElseThrow());
    }

    private static void shot(String name, Scene scene) throws Exception {
        WritableImage image = fx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path file = out.resolve(prefix + name + ".png");
        ImageIO.write(buffered, "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void settle() throws Exception {
        Thread.sleep(700); // rendering and layout passes; this is a tool, not a test
        fx(() -> null);
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }
}
