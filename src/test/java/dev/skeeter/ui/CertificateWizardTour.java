package dev.skeeter.ui;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.certs.CertificateBatch;
import dev.skeeter.ui.certs.MutualTlsSetup;
import dev.skeeter.ui.certs.WizardSettings;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.support.ScriptedFileChooserService;
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
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;

/**
 * Not a test: walks the certificate wizard page by page on a real display (run under Xvfb, GTK), through the
 * mutual-TLS finish, then Inspect certificate, and writes a PNG of each.
 * {@code CertificateWizardTour OUT_DIR WIDTH HEIGHT light|dark}.
 */
public final class CertificateWizardTour {
    private static String prefix;
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args[0]));
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Theme theme = args[3].equals("dark") ? Theme.DARK : Theme.LIGHT;
        prefix = "certs-" + args[3] + "-" + width + "-";
        Path config = Files.createTempDirectory("skeeter-tour");
        // under the (given) home folder, as a user would see them: run with -Duser.home=/home/alice
        Path certs = Files.createDirectories(Path.of(System.getProperty("user.home"), "skeeter-certs"));
        ProfileStore profiles = ProfileStore.open(config.resolve("profiles.json"));
        profiles.saveAll(List.of(Profile.localBroker(PortProbe.freePort("127.0.0.1"))));
        AppStateStore state = AppStateStore.open(config.resolve("state.json"));
        state.update(s -> s.withTheme(theme.name().toLowerCase()).withWindow(
                new dev.skeeter.profiles.AppState.WindowLayout(0.0, 0.0, width, height, false, null)));
        ExecutorService background = Executors.newCachedThreadPool();
        LocalBrokerService broker = new LocalBrokerService();
        ScriptedFileChooserService files = new ScriptedFileChooserService();
        AppServices services = new AppServices(profiles, state, broker, ConnectionFactory.standard(),
                CertificateDescriber::describe, files, background, Panes.standard(state, files, background),
                url -> { });
        Platform.startup(() -> { });
        Shell shell = fx(() -> {
            Shell s = new Shell(services, new ThemeManager(Look.fromSystemProperty(), theme));
            s.show(new Stage());
            return s;
        });
        settle();
        fx(() -> {
            shell.window().windows().showCertificateWizard();
            return null;
        });
        settle();
        Scene wizard = windowTitled("Certificate wizard").getScene();
        shot("1-ca", wizard);

        // an existing, encrypted CA: the page asks for its passphrase
        Path old = Files.createDirectories(certs.resolve("acme-ca"));
        WizardSettings oldCa = WizardSettings.defaults(old);
        CertificateBatch.run(new WizardSettings(true, "Acme Plant CA", oldCa.caKeyType(), oldCa.caDays(), null, null,
                null, oldCa.serverCn(), oldCa.serverNames(), oldCa.serverKeyType(), oldCa.serverDays(),
                oldCa.clientNames(), oldCa.clientKeyType(), oldCa.clientDays(), old, "secret".toCharArray(), null,
                oldCa.tlsPort()), false, (i, t, s) -> { });
        fx(() -> {
            click(wizard, "#wizard-existing-ca");
            type(wizard, "#wizard-ca-cert", old.resolve("ca.crt").toString());
            type(wizard, "#wizard-ca-key", old.resolve("ca.key").toString());
            return null;
        });
        settle();
        shot("1-ca-existing", wizard);
        fx(() -> {
            click(wizard, "#wizard-new-ca");
            click(wizard, "#wizard-next");
            return null;
        });
        settle();
        shot("2-server", wizard);
        fx(() -> {
            type(wizard, "#wizard-tls-port", String.valueOf(PortProbe.freePort("127.0.0.1")));
            click(wizard, "#wizard-next");
            type(wizard, "#wizard-client-names", "alice\nbob\nplant-gateway-17");
            return null;
        });
        settle();
        shot("3-clients", wizard);
        Path outDir = certs;
        fx(() -> {
            click(wizard, "#wizard-next");
            type(wizard, "#wizard-output-dir", outDir.toString());
            click(wizard, "#wizard-pkcs12");
            type(wizard, "#wizard-p12-password", "bundle-pw");
            return null;
        });
        settle();
        shot("4-files", wizard);
        fx(() -> {
            click(wizard, "#wizard-next");
            return null;
        });
        waitUntil(() -> wizard.lookup("#wizard-page-done") != null, 120);
        settle();
        shot("5-done", wizard);
        fx(() -> {
            click(wizard, "#wizard-back");
            click(wizard, "#wizard-next");
            return null;
        });
        waitUntil(() -> wizard.lookup("#wizard-replace").isVisible(), 20);
        settle();
        shot("4-files-existing", wizard);
        fx(() -> {
            click(wizard, "#wizard-replace");
            return null;
        });
        waitUntil(() -> wizard.lookup("#wizard-page-done") != null, 120);
        fx(() -> {
            click(wizard, "#wizard-finish");
            return null;
        });
        waitUntil(() -> shell.model().workspaceOf(MutualTlsSetup.PROFILE_ID)
                .map(w -> w.stateProperty().get() == ConnectionState.CONNECTED).orElse(false), 60);
        settle();
        shot("5-done-connected", wizard);
        shot("main-mutual-tls", shell.window().root().getScene());

        files.answer(outDir.resolve("alice.crt"));
        fx(() -> {
            shell.window().windows().showInspectCertificate();
            return null;
        });
        Scene inspect = windowTitled("Inspect certificate").getScene();
        fx(() -> {
            type(inspect, "#inspect-key", outDir.resolve("alice.key").toString());
            type(inspect, "#inspect-ca", outDir.resolve("ca.crt").toString());
            click(inspect, "#inspect-file-browse");
            return null;
        });
        waitUntil(() -> !((TextInputControl) inspect.lookup("#inspect-report")).getText().isEmpty(), 20);
        settle();
        shot("inspect", inspect);

        broker.close();
        Platform.exit();
        System.exit(0);
    }

    private static void click(Scene scene, String id) {
        ((ButtonBase) require(scene, id)).fire();
    }

    private static void type(Scene scene, String id, String text) {
        ((TextInputControl) require(scene, id)).setText(text);
    }

    private static Node require(Scene scene, String id) {
        Node node = scene.lookup(id);
        if (node == null) {
            throw new IllegalStateException("no " + id);
        }
        return node;
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

    private static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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
