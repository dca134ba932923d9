package dev.skeeter.ui.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.testsupport.PaneFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Broker Status tab headless (Monocle) over a real connection to our broker publishing $SYS every second. */
class BrokerStatusFxTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private PaneFixture fixture;
    private StatusTab status;
    private final FxRobot robot = new FxRobot();
    private final FileChooserService files = new FileChooserService() {
        @Override
        public Optional<Path> open(String title, String... extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> save(String title, String initialName, String... extensions) {
            return Optional.of(dir.resolve(initialName));
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        fixture = PaneFixture.start(BrokerConfig.builder().listener(0, "127.0.0.1")
                .sysInterval(Duration.ofSeconds(1)).build());
    }

    private void show(MqttConnection connection) throws Exception {
        FxToolkit.setupStage(stage -> {
            status = new StatusTab(connection, () -> "ours", new StatusBoard(), files, Runnable::run);
            Tab other = new Tab("Other");
            TabPane tabs = new TabPane(other, status.tab());
            Scene scene = new Scene(tabs, 1024, 640);
            scene.getStylesheets().add(BrokerStatusFxTest.class.getResource("/dev/skeeter/ui/skeeter.css").toExternalForm());
            stage.setScene(scene);
            stage.setWidth(1024);
            stage.setHeight(640);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (status != null) {
            fx(() -> {
                status.dispose();
                return null;
            });
        }
        fixture.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void theTabSubscribesWhenFirstShownAndFillsCardsChartsAndTree() throws Exception {
        MqttConnection connection = fixture.connect(fixture.profile("status"));
        show(connection);
        assertThat(fx(() -> status.model().isOpen())).isFalse();
        assertThat(connection.activeSubscriptions()).doesNotContainKey(BrokerStatusViewModel.FILTER);

        robot.clickOn("Broker Status");
        await().atMost(TIMEOUT).until(() -> text("#card-version").startsWith("skeeter version"));
        assertThat(connection.activeSubscriptions()).containsKey(BrokerStatusViewModel.FILTER);
        assertThat(text("#status-schema")).contains("mosquitto 2");
        await().atMost(TIMEOUT).until(() -> text("#card-clients").startsWith("1 / "));
        assertThat(text("#card-uptime")).endsWith("s");
        assertThat(fx(() -> robot.lookup(".time-chart").queryAll().size())).isEqualTo(4);
        assertThat(fx(() -> robot.lookup("#status-problem").query().getParent().isVisible())).isFalse();

        robot.clickOn("$SYS tree");
        robot.clickOn("#sys-search").write("connected");
        TreeTableView<?> tree = robot.lookup("#sys-tree").queryAs(TreeTableView.class);
        await().atMost(TIMEOUT).until(() -> fx(() -> tree.getExpandedItemCount()) >= 4);
        // select the first leaf ($SYS/broker/clients/connected or .../disconnected) and chart it
        fx(() -> {
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                if (tree.getTreeItem(i).isLeaf()) {
                    tree.getSelectionModel().select(i);
                    break;
                }
            }
            return null;
        });
        robot.clickOn("#sys-chart-this");
        await().atMost(TIMEOUT).until(() -> fx(() -> robot.lookup(".time-chart").queryAll().size()) == 5);
        assertThat(fx(() -> status.model().chartedTopics())).singleElement().asString()
                .startsWith("$SYS/broker/clients/").endsWith("connected");
    }

    @Test
    void aWorkspaceThatIsNotConnectedSaysSoInsteadOfEmptyCharts() throws Exception {
        MqttConnection offline = new MqttConnection(Profile.create("offline", "127.0.0.1", 1));
        show(offline);
        robot.clickOn("Broker Status");
        await().atMost(TIMEOUT).until(() -> text("#status-problem").startsWith("Not connected"));
        Node banner = fx(() -> robot.lookup("#status-problem").query().getParent());
        assertThat(fx(banner::isVisible)).isTrue();
        offline.close();
    }

    @Test
    void aChartExportsAsPng() throws Exception {
        MqttConnection connection = fixture.connect(fixture.profile("status"));
        show(connection);
        robot.clickOn("Broker Status");
        await().atMost(TIMEOUT).until(() -> text("#card-version").startsWith("skeeter"));
        robot.clickOn(fx(() -> robot.lookup(".chart-button").queryAll().iterator().next()));
        Path png = dir.resolve("clients-connected.png").getParent().resolve("messages-per-second-all-packets.png");
        await().atMost(TIMEOUT).until(() -> png.toFile().length() > 0);
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isGreaterThan(100);
    }
}
