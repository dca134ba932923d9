package dev.skeeter.ui.support;

import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.AppServices;
import dev.skeeter.ui.Shell;
import dev.skeeter.ui.Panes;
import dev.skeeter.ui.WorkspacePanes;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.theme.Look;
import dev.skeeter.ui.theme.Theme;
import dev.skeeter.ui.theme.ThemeManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.testfx.api.FxToolkit;

/**
 * The real main window over a temporary config dir, a scripted file chooser and a local broker profile on a free
 * port (never 1883, which a mosquitto service may hold). For TestFX tests.
 */
public final class ShellFixture implements AutoCloseable {
    public final ScriptedFileChooserService files = new ScriptedFileChooserService();
    public final LocalBrokerService localBroker = new LocalBrokerService();
    public final ExecutorService background = Executors.newCachedThreadPool();
    public final ProfileStore profiles;
    public final AppStateStore state;
    public final ThemeManager themes;
    public final List<String> openedLinks = new ArrayList<>();
    public Shell shell;

    public ShellFixture(Path configDir, List<Profile> userProfiles) throws Exception {
        this(configDir, userProfiles, true);
    }

    /** With {@code fresh} false, the profiles and state a previous fixture left in the directory are kept. */
    public ShellFixture(Path configDir, List<Profile> userProfiles, boolean fresh) throws Exception {
        profiles = ProfileStore.open(configDir.resolve("profiles.json"));
        state = AppStateStore.open(configDir.resolve("state.json"));
        if (fresh) {
            List<Profile> all = new ArrayList<>();
            all.add(Profile.localBroker(PortProbe.freePort("127.0.0.1")));
            all.addAll(userProfiles);
            profiles.saveAll(all);
            state.update(s -> s.withTheme("light")); // no OS detection racing the theme tests
        }
        themes = FxActions.call(() -> new ThemeManager(Look.PRIMER, Theme.LIGHT));
    }

    public ShellFixture show(Function<Path, String> describer) throws Exception {
        return show(describer, Panes.standard(state, files, background));
    }

    /** With feature panes in every workspace (e.g. the app's Publish and Subscribe). */
    public ShellFixture show(Function<Path, String> describer, WorkspacePanes panes) throws Exception {
        AppServices services = new AppServices(profiles, state, localBroker, ConnectionFactory.standard(),
                describer, files, background, panes, openedLinks::add);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            shell = new Shell(services, themes);
            shell.show(stage);
        });
        return this;
    }

    @Override
    public void close() throws java.util.concurrent.TimeoutException, java.io.IOException {
        try {
            FxActions.run(() -> {
                if (shell != null) {
                    shell.model().workspaces().forEach(w -> w.close(Runnable::run));
                }
            });
        } catch (Exception e) {
            throw new java.io.IOException("Could not close the workspaces", e);
        }
        FxToolkit.cleanupStages();
        localBroker.close();
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
