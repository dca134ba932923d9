package dev.skeeter.ui.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.testsupport.MosquittoBroker;
import dev.skeeter.ui.testsupport.PaneFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Topics tab headless (Monocle) over real connections, to our broker and to mosquitto 2, driven like a user. */
class TopicsFxTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final FxRobot robot = new FxRobot();
    private PaneFixture fixture;
    private MosquittoBroker mosquitto;
    private TopicsHarness harness;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (harness != null) {
            harness.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private void show(String host, int port) throws Exception {
        harness = TopicsHarness.start(host, port);
        FxToolkit.setupStage(stage -> {
            stage.setScene(harness.scene(1280, 800));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void treeIsBuiltLiveFromTrafficOnOurBroker() throws Exception {
        fixture = PaneFixture.start();
        show("127.0.0.1", fixture.port());
        treeIsBuiltLive();

        robot.clickOn("#topics-subscribe-sys");
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.tree().find("$SYS/broker/version") != null));
        assertThat(fx(() -> harness.vm.tree().find("$SYS/broker/version").retained())).isTrue();
    }

    @Test
    void treeIsBuiltLiveFromTrafficOnMosquitto() throws Exception {
        mosquitto = MosquittoBroker.start();
        show("127.0.0.1", mosquitto.port());
        treeIsBuiltLive();

        robot.clickOn("#topics-subscribe-sys");
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.tree().find("$SYS/broker/version") != null));
        assertThat(fx(() -> harness.vm.tree().find("$SYS/broker/version").last().payload()))
                .asString().startsWith("mosquitto version 2");
    }

    private void treeIsBuiltLive() throws Exception {
        String base = "it" + System.nanoTime();
        harness.publish(base + "/home/kitchen/temp", "21", true); // retained before anyone subscribed
        robot.clickOn("#topics-subscribe-all");
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.statusProperty().get()).equals("Subscribed to #"));
        harness.publish(base + "/home/hall/light", "on", false);
        harness.publish(base + "/home/kitchen/temp", "22", false);
        await().atMost(TIMEOUT).until(() -> fx(() -> {
            TopicNode home = harness.vm.tree().find(base + "/home");
            return home != null && home.totalCount() == 3;
        }));
        TopicNode temp = fx(() -> harness.vm.tree().find(base + "/home/kitchen/temp"));
        assertThat(fx(temp::retained)).isTrue(); // delivered with the retain flag on subscribe
        assertThat(fx(temp::ownCount)).isEqualTo(2);
        assertThat(fx(() -> harness.vm.tree().find(base + "/home/hall/light").retained())).isFalse();

        // On screen: the levels open to the selected topic, with its value, count and retained badge.
        assertThat(fx(() -> harness.view.select(base + "/home/kitchen/temp"))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = robot.lookup(".retained-badge").queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(robot.lookup(".topic-cell-value").queryAll()).anySatisfy(n ->
                assertThat(((javafx.scene.control.Labeled) n).getText()).isEqualTo("22"));
        assertThat(robot.lookup(".topic-cell-name").queryAll()).anySatisfy(n ->
                assertThat(((javafx.scene.control.Labeled) n).getText()).isEqualTo("kitchen"));
        assertThat(robot.lookup(".topic-cell-count").queryAll()).anySatisfy(n ->
                assertThat(((javafx.scene.control.Labeled) n).getText()).isEqualTo("3"));

        // The selected topic's last message in the Subscribe pane's viewers.
        await().atMost(TIMEOUT).until(() -> fx(() ->
                robot.lookup("#detail-topic").queryAs(TextField.class).getText()).equals(base + "/home/kitchen/temp"));
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.detail.message().renderedProperty().get() != null
                && harness.detail.message().renderedProperty().get().text().contains("22")));

        // Copy topic (Ctrl+C on the tree).
        robot.clickOn("#topic-tree");
        fx(() -> harness.view.select(base + "/home/kitchen/temp"));
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(base + "/home/kitchen/temp");

        // A new payload that differs is highlighted in the tree.
        harness.publish(base + "/home/kitchen/temp", "23", false);
        await().atMost(TIMEOUT).until(() -> fx(() -> !robot.lookup(".topic-cell-value.changed").queryAll().isEmpty()));

        // Filter: only matching topics and the levels above them.
        robot.clickOn("#topic-filter").write("light");
        await().atMost(TIMEOUT).until(() -> fx(() -> visibleTopics().contains(base + "/home/hall/light")));
        assertThat(fx(this::visibleTopics)).doesNotContain(base + "/home/kitchen", base + "/home/kitchen/temp");
        fx(() -> {
            harness.vm.filterTextProperty().set("");
            return null;
        });

        // Collapse all, then expand all again.
        robot.clickOn("#topics-collapse");
        assertThat(fx(this::visibleTopics)).doesNotContain(base + "/home");
        fx(() -> {
            robot.lookup("#topic-tree").queryAs(TreeTableView.class).getSelectionModel().clearSelection();
            return null;
        });
        robot.clickOn("#topics-expand");
        assertThat(fx(this::visibleTopics)).contains(base + "/home/kitchen/temp", base + "/home/hall/light");

        // The topic cap: what does not fit is counted, visibly.
        fx(() -> {
            harness.vm.maxNodesProperty().set(harness.vm.tree().size());
            return null;
        });
        harness.publish(base + "/new/topic", "x", false);
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.notKeptProperty().get()) == 1);
        assertThat(robot.lookup("#topics-counts").queryAs(Label.class).getText()).contains("1 not kept");
        fx(() -> {
            harness.vm.maxNodesProperty().set(TopicTree.DEFAULT_MAX_NODES);
            return null;
        });
    }

    /** Topics of the rows the tree shows (open levels only). */
    @SuppressWarnings("unchecked")
    private List<String> visibleTopics() {
        TreeTableView<TopicNode> table = robot.lookup("#topic-tree").queryAs(TreeTableView.class);
        List<String> topics = new java.util.ArrayList<>();
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            TreeItem<TopicNode> item = table.getTreeItem(i);
            if (item != null && item.getValue() != null) {
                topics.add(item.getValue().topic());
            }
        }
        return topics;
    }
}
