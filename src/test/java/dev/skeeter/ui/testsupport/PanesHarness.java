package dev.skeeter.ui.testsupport;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.SkeeterApp;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.TopicsSeen;
import dev.skeeter.ui.publish.PublishView;
import dev.skeeter.ui.publish.PublishViewModel;
import dev.skeeter.ui.subscribe.SubscribeView;
import dev.skeeter.ui.subscribe.SubscribeViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Both panes over one real connection to the embedded broker, as the shell's workspace will host them: what the
 * TestFX tests, the preview and the flood benchmark drive: one connection, one {@link TopicsSeen} listening to it,
 * the panes handing their work to the FX thread themselves, in batches.
 */
public final class PanesHarness implements AutoCloseable {
    public final PaneFixture fixture;
    public final Profile profile;
    public final MqttConnection connection;
    public final TopicsSeen topicsSeen = new TopicsSeen(5_000);
    public final ExecutorService background = Executors.newFixedThreadPool(2, r -> daemon(r, "pane-background"));
    public final PublishViewModel publishVm;
    public final SubscribeViewModel subscribeVm;
    public final PublishView publishView;
    public final SubscribeView subscribeView;
    public final TabPane tabs = new TabPane();

    /** Files the panes "pick": tests set these instead of answering a dialog. */
    public volatile Path openAnswer;
    public volatile Path saveAnswer;

    /** Call off the FX thread: connects, then builds the views on the FX thread. */
    public static PanesHarness start(PaneFixture fixture, Path stateFile) throws Exception {
        var result = new java.util.concurrent.CompletableFuture<PanesHarness>();
        Profile profile = fixture.profile("Workspace");
        MqttConnection connection = fixture.connect(profile);
        Platform.runLater(() -> {
            try {
                result.complete(new PanesHarness(fixture, profile, connection, AppStateStore.open(stateFile)));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, java.util.concurrent.TimeUnit.SECONDS);
    }

    private PanesHarness(PaneFixture fixture, Profile profile, MqttConnection connection, AppStateStore state) {
        this.fixture = fixture;
        this.profile = profile;
        this.connection = connection;
        connection.addListener(topicsSeen);
        FileChooserService files = new FileChooserService() {
            @Override
            public Optional<Path> open(String title, String... extensions) {
                return Optional.ofNullable(openAnswer);
            }

            @Override
            public Optional<Path> save(String title, String initialName, String... extensions) {
                return Optional.ofNullable(saveAnswer);
            }
        };
        publishVm = new PublishViewModel(connection, profile, topicsSeen, state, Platform::runLater, background, files);
        subscribeVm = new SubscribeViewModel(connection, profile, topicsSeen, state, Platform::runLater, background,
                files);
        publishView = new PublishView(publishVm);
        subscribeView = new SubscribeView(subscribeVm);
        Tab publish = new Tab("Publish", publishView.root());
        publish.setId("tab-publish");
        Tab subscribe = new Tab("Subscribe", subscribeView.root());
        subscribe.setId("tab-subscribe");
        tabs.getTabs().addAll(subscribe, publish);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    public Scene scene(double width, double height) {
        Scene scene = new Scene(tabs, width, height);
        scene.getStylesheets().add(SkeeterApp.STYLESHEET);
        return scene;
    }

    @Override
    public void close() throws Exception {
        subscribeVm.dispose();
        connection.removeListener(topicsSeen);
        connection.close();
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
