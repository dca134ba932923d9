package dev.skeeter.ui;

import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.ui.common.BackgroundExecutor;
import dev.skeeter.ui.common.FxFileChooserService;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.theme.Look;
import dev.skeeter.ui.theme.ThemeManager;
import java.util.concurrent.ExecutorService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** The desktop app: one main window. Started by {@link dev.skeeter.Main} with no arguments. */
public final class SkeeterApp extends Application {
    public static final String TITLE = "Skeeter";
    public static final String STYLESHEET = ThemeManager.APP_STYLESHEET;
    /**
     * Set, the app prints {@value #STARTUP_MARKER} on standard output when its first window is shown, for start-up
     * measurements (app/bench/startup.sh); set to {@code exit}, it then quits, for the installers' class-data
     * sharing training run.
     */
    public static final String STARTUP_MARKER_PROPERTY = "skeeter.startupMarker";
    public static final String STARTUP_MARKER = "skeeter: first window shown";

    private ExecutorService background;
    private Shell shell;
    private StartupPreload.Stores stores;

    public static void launchApp(String[] args) {
        StartupPreload.start();
        Application.launch(SkeeterApp.class, args);
    }

    /** On JavaFX's launcher thread, before {@link #start}: the files read while the toolkit started. */
    @Override
    public void init() {
        stores = StartupPreload.await();
    }

    @Override
    public void start(Stage stage) {
        UncaughtExceptionDialog.install();
        background = BackgroundExecutor.create();
        AppStateStore stateStore = stores.state();
        FxFileChooserService files = new FxFileChooserService(() -> stage);
        AppServices services = new AppServices(
                stores.profiles(),
                stateStore,
                new LocalBrokerService(),
                ConnectionFactory.standard(),
                CertificateDescriber::describe,
                files,
                background,
                Panes.standard(stateStore, files, background),
                url -> getHostServices().showDocument(url));
        ThemeManager themes = new ThemeManager(Look.fromSystemProperty(), Shell.rememberedTheme(stateStore.state()));
        shell = new Shell(services, themes);
        reportFirstWindow(stage, System.getProperty(STARTUP_MARKER_PROPERTY));
        shell.show(stage);
    }

    private static void reportFirstWindow(Stage stage, String marker) {
        if (marker == null) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, event -> {
            System.out.println(STARTUP_MARKER);
            System.out.flush();
            if ("exit".equals(marker)) {
                Platform.runLater(Platform::exit);
            }
        });
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
        if (background != null) {
            background.shutdown();
        }
    }
}
