package dev.skeeter.ui.topics;

import static dev.skeeter.ui.topics.TopicsFxTest.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.MosquittoBroker;
import dev.skeeter.ui.testsupport.PaneFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The selected topic's detail: viewers, history, diff, chart, and deleting retained messages, checked by a fresh subscriber. */
class TopicDetailFxTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final FxRobot robot = new FxRobot();
    private PaneFixture fixture;
    private MosquittoBroker mosquitto;
    private TopicsHarness harness;
    private String host = "127.0.0.1";
    private int port;

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

    private void show() throws Exception {
        harness = TopicsHarness.start(host, port);
        FxToolkit.setupStage(stage -> {
            stage.setScene(harness.scene(1280, 800));
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#topics-subscribe-all");
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.statusProperty().get()).equals("Subscribed to #"));
    }

    private void select(String topic) throws Exception {
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.tree().find(topic) != null));
        assertThat(fx(() -> harness.view.select(topic))).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void viewersHistoryDiffAndAChartOfAJsonFieldBesideANumberTopic() throws Exception {
        fixture = PaneFixture.start();
        port = fixture.port();
        show();
        harness.publish("s/json", "{\"temp\":20.0,\"id\":\"x\"}", false);
        harness.publish("s/json", "{\"temp\":21.5,\"id\":\"x\"}", false);
        harness.publish("s/json", "{\"temp\":23,\"id\":\"y\"}", false);
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.tree().find("s/json") != null
                && harness.vm.tree().find("s/json").ownCount() == 3));
        select("s/json");

        assertThat(robot.lookup("#detail-topic").queryAs(TextField.class).getText()).isEqualTo("s/json");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(fx(() -> harness.detail.message().renderedProperty()
                .get() == null ? "" : harness.detail.message().renderedProperty().get().text()))
                .containsPattern("\"temp\"\\s*:\\s*23"));
        assertThat(fx(() -> robot.lookup("#topics-history").queryAs(ListView.class).getItems().size())).isEqualTo(3);
        assertThat(robot.lookup("#topics-diff-summary").queryAs(Label.class).getText())
                .isEqualTo("JSON: 2 changed, 0 added, 0 removed, 0 unchanged");
        robot.clickOn("#topics-tab-diff");
        assertThat(fx(() -> robot.lookup("#topics-diff").queryAs(ListView.class).getItems().stream()
                .map(Object::toString).toList())).containsExactly("- /id = \"x\"", "+ /id = \"y\"",
                "- /temp = 21.5", "+ /temp = 23");

        // Chart: the JSON field, then a plain number topic on the same chart.
        robot.clickOn("#topics-tab-chart");
        @SuppressWarnings("unchecked") ComboBox<String> field = robot.lookup("#topics-chart-field").queryAs(ComboBox.class);
        assertThat(fx(() -> List.<String>copyOf(field.getItems()))).containsExactly("/temp");
        robot.clickOn("#topics-chart-add");
        harness.publish("s/json", "{\"temp\":24,\"id\":\"y\"}", false);
        harness.publish("n/plain", "7", false);
        harness.publish("n/plain", "8.5", false);
        await().atMost(TIMEOUT).until(() -> fx(() -> seriesValues(0)).size() == 4);
        assertThat(fx(() -> seriesValues(0))).containsExactly(20.0, 21.5, 23.0, 24.0);
        select("n/plain");
        robot.clickOn("#topics-chart-add");
        await().atMost(TIMEOUT).until(() -> fx(() -> chart().getData().size()) == 2);
        assertThat(fx(() -> seriesValues(1))).containsExactly(7.0, 8.5);
        assertThat(fx(() -> chart().getData().get(0).getName())).isEqualTo("s/json /temp");
        assertThat(fx(() -> chart().getData().get(1).getName())).isEqualTo("n/plain");
    }

    @Test
    void retainedDeleteOnOurBrokerIsSeenByAFreshSubscriber() throws Exception {
        fixture = PaneFixture.start();
        port = fixture.port();
        retainedDelete();
    }

    @Test
    void retainedDeleteOnMosquittoIsSeenByAFreshSubscriber() throws Exception {
        mosquitto = MosquittoBroker.start();
        port = mosquitto.port();
        retainedDelete();
    }

    private void retainedDelete() throws Exception {
        harness = null;
        MqttConnection seeder = new MqttConnection(Profile.create("Seeder", host, port));
        seeder.connect().get(15, TimeUnit.SECONDS);
        for (String t : List.of("r/a", "r/b/c", "r/b/d", "r/b/e/f", "keep/x")) {
            seeder.publish(t, t.getBytes(), 1, true).get(10, TimeUnit.SECONDS);
        }
        seeder.close();
        show();
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.vm.tree().retainedUnder(harness.vm.tree().root())
                .size()) == 5);

        // One topic, from its button.
        select("r/a");
        robot.clickOn("#topics-delete-retained");
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.detail.lastCleanupProperty().get() != null));
        assertThat(fx(() -> harness.detail.lastCleanupProperty().get().cleared())).containsExactly("r/a");
        assertThat(fx(() -> harness.vm.tree().find("r/a").retained())).isFalse();

        // Everything below r/b, after the confirmation.
        select("r/b");
        robot.clickOn("#topics-delete-retained-below");
        Node ok = robot.lookup(".dialog-pane .button").match(n -> "OK".equals(((Button) n).getText())).query();
        robot.clickOn(ok);
        await().atMost(TIMEOUT).until(() -> fx(() -> harness.detail.lastCleanupProperty().get().cleared().size())
                == 3);
        RetainedCleaner.Report report = fx(() -> harness.detail.lastCleanupProperty().get());
        assertThat(report.cleared()).containsExactly("r/b/c", "r/b/d", "r/b/e/f");
        assertThat(report.refused()).isEmpty();
        assertThat(report.cameBack()).isEmpty();
        assertThat(robot.lookup("#topics-status").queryAs(Label.class).getText())
                .isEqualTo("Cleared 3 retained messages at and below r/b");

        // A fresh subscriber gets only what was kept: a sentinel published last proves all retained ones arrived.
        harness.publish("r/zz", "sentinel", true);
        List<String> received = new CopyOnWriteArrayList<>();
        MqttConnection fresh = new MqttConnection(Profile.create("Fresh", host, port));
        fresh.addListener(new ConnectionListener() {
            @Override
            public void messageArrived(ReceivedMessage m) {
                received.add(m.topic());
            }
        });
        fresh.connect().get(15, TimeUnit.SECONDS);
        fresh.subscribe(List.of(new SubscriptionRequest("r/#", 0), new SubscriptionRequest("keep/#", 0)))
                .get(10, TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> received.contains("r/zz") && received.contains("keep/x"));
        assertThat(received).containsExactlyInAnyOrder("r/zz", "keep/x");
        fresh.close();
    }

    @SuppressWarnings("unchecked")
    private LineChart<Number, Number> chart() {
        return robot.lookup("#topics-chart").queryAs(LineChart.class);
    }

    private List<Double> seriesValues(int index) {
        if (chart().getData().size() <= index) {
            return List.of();
        }
        return chart().getData().get(index).getData().stream().map(XYChart.Data::getYValue)
                .map(Number::doubleValue).toList();
    }
}
