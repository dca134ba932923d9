package dev.skeeter.ui.connection;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.subscribe.SubscriptionItem;
import dev.skeeter.ui.support.FxActions;
import dev.skeeter.ui.support.ShellFixture;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/** Issue 11, items 1 and 3: a profile save never loses a workspace, and subscriptions survive a restart. */
class WorkspaceKeptFxTest extends ShellFxTestBase {

    @Test
    void savingTheProfileKeepsTheWorkspaceItsTabSubscriptionsAndMessagesAndReconnectsInPlace() throws Exception {
        try (TestBroker broker = TestBroker.start();
             MqttConnection feed = feed(broker)) {
            Profile plain = Profile.create("Plain", "127.0.0.1", broker.port());
            Profile other = Profile.create("Other", "127.0.0.1", broker.port());
            fixture = new ShellFixture(configDir, List.of(plain, other)).show(p -> "");
            WorkspaceViewModel workspace = FxActions.call(() -> {
                fixture.shell.model().open(other);
                return fixture.shell.model().open(plain);
            });
            assertThat(workspace.profile().id()).isEqualTo(plain.id());
            clickOn(shown("#connect-button"));
            awaitState("Connected");
            subscribe("plant/#");
            feed.publish("plant/1", "first".getBytes(StandardCharsets.UTF_8), 1, false).get(10, SECONDS);
            await().atMost(15, SECONDS).until(() -> rows() == 1);

            clickOn("#edit-profiles");
            FxActions.run(() -> lookup("#profile-client-id").queryAs(TextField.class).setText("kept-client"));
            clickOn("#profile-save");

            assertThat(fixture.shell.model().currentProperty().get()).isSameAs(workspace);
            assertThat(fixture.shell.model().workspaces()).hasSize(2).contains(workspace);
            await().atMost(15, SECONDS).untilAsserted(() -> assertThat(
                    ((javafx.scene.control.Labeled) shown("#workspace-client-id")).getText()).isEqualTo("kept-client"));
            awaitState("Connected");
            assertThat(FxActions.call(() -> ((TabPane) shown("#workspace-tabs")).getSelectionModel()
                    .getSelectedItem().getId())).isEqualTo("tab-subscribe");
            assertThat(rows()).isEqualTo(1);
            assertThat(subscriptions()).extracting(SubscriptionItem::filter).containsExactly("plant/#");

            feed.publish("plant/2", "second".getBytes(StandardCharsets.UTF_8), 1, false).get(10, SECONDS);
            await().atMost(15, SECONDS).until(() -> rows() == 2); // subscribed again on the new connection
        }
    }

    @Test
    void subscriptionsWithTheirColourAndMuteAreRememberedAndSubscribedAgainAfterARestart() throws Exception {
        try (TestBroker broker = TestBroker.start();
             MqttConnection feed = feed(broker)) {
            Profile plain = Profile.create("Plain", "127.0.0.1", broker.port());
            fixture = new ShellFixture(configDir, List.of(plain)).show(p -> "");
            doubleClickOn("Plain");
            clickOn(shown("#connect-button"));
            awaitState("Connected");
            subscribe("plant/#");
            subscribe("noise/+");
            List<SubscriptionItem> made = subscriptions();
            FxActions.run(() -> {
                made.get(0).colourProperty().set("#123456");
                made.get(1).mutedProperty().set(true);
            });
            FxActions.run(() -> fixture.shell.shutdown());
            fixture.close();

            fixture = new ShellFixture(configDir, List.of(plain), false).show(p -> "");
            showSubscribeTab();
            await().atMost(10, SECONDS).until(() -> subscriptions().size() == 2);
            assertThat(subscriptions()).extracting(SubscriptionItem::filter).containsExactly("plant/#", "noise/+");
            assertThat(subscriptions().get(0).colourProperty().get()).isEqualTo("#123456");
            assertThat(subscriptions().get(1).mutedProperty().get()).isTrue();
            assertThat(subscriptions().get(0).statusProperty().get()).isEqualTo("subscribes on connect");

            clickOn(shown("#connect-button"));
            awaitState("Connected");
            await().atMost(15, SECONDS).until(() -> subscriptions().stream()
                    .allMatch(s -> s.statusProperty().get().equals("QoS 0 granted")));
            feed.publish("plant/1", "hello".getBytes(StandardCharsets.UTF_8), 1, false).get(10, SECONDS);
            await().atMost(15, SECONDS).until(() -> rows() == 1);
        }
    }

    private static MqttConnection feed(TestBroker broker) throws Exception {
        MqttConnection feed = new MqttConnection(Profile.create("feed", "127.0.0.1", broker.port()));
        feed.connect().get(10, SECONDS);
        return feed;
    }

    private void subscribe(String filter) throws Exception {
        showSubscribeTab();
        clickOn(shown("#subscribe-filter")).write(filter);
        clickOn(shown("#subscribe-button"));
        await().atMost(15, SECONDS).until(() -> subscriptions().stream()
                .anyMatch(s -> s.filter().equals(filter) && s.statusProperty().get().contains("granted")));
    }

    private void showSubscribeTab() throws Exception {
        FxActions.run(() -> {
            TabPane tabs = (TabPane) shown("#workspace-tabs");
            tabs.getTabs().stream().filter(t -> "tab-subscribe".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
    }

    @SuppressWarnings("unchecked")
    private List<SubscriptionItem> subscriptions() throws Exception {
        return FxActions.call(() -> List.copyOf(((ListView<SubscriptionItem>) shown("#subscriptions")).getItems()));
    }

    private int rows() throws Exception {
        return FxActions.call(() -> ((TableView<?>) shown("#messages")).getItems().size());
    }

    private void awaitState(String text) {
        await().atMost(15, SECONDS).untilAsserted(() ->
                assertThat(((javafx.scene.control.Labeled) shown("#workspace-state")).getText()).isEqualTo(text));
    }

    /** The node of the shown workspace (the others are in hidden tabs). */
    private Node shown(String query) {
        return lookup(query).match(WorkspaceKeptFxTest::showing).query();
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
