package dev.skeeter.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.theme.PrimerDark;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.ShellFixture;
import dev.skeeter.ui.support.TestBroker;
import dev.skeeter.ui.theme.ThemeManager;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The main window headless: first-start offer, connect/disconnect, themes, shortcuts. */
class ShellFxTest extends ShellFxTestBase {
    @Test
    void firstStartOffersTheLocalBrokerAndOneClickConnects() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        assertThat(lookup("#local-broker-offer").query().isVisible()).isTrue();

        clickOn("#offer-local-broker");

        awaitText("#workspace-state", "Connected");
        assertThat(lookup("#local-broker-offer").query().isVisible()).isFalse();
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#local-broker-indicator").queryLabeled().getText()).endsWith("1 client"));
    }

    @Test
    void connectAndDisconnectAgainstTheEmbeddedBroker() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            fixture = new ShellFixture(configDir, List.of(Profile.create("Test broker", "127.0.0.1",
                    broker.port()))).show(p -> "");
            assertThat(lookup("#local-broker-offer").query().isVisible()).isFalse();

            doubleClickOn("Test broker");
            clickOn("#connect-button");
            awaitText("#workspace-state", "Connected");
            assertThat(lookup("#workspace-address").queryLabeled().getText())
                    .isEqualTo("mqtt://127.0.0.1:" + broker.port());
            assertThat(lookup("#workspace-tabs").queryAs(javafx.scene.control.TabPane.class).getTabs())
                    .extracting(javafx.scene.control.Tab::getText)
                    .containsExactly("Publish", "Subscribe", "Topics", "Broker Status", "Log");

            clickOn("#disconnect-button");
            awaitText("#workspace-state", "Disconnected");

            push(KeyCode.CONTROL, KeyCode.W);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fixture.shell.model().workspaces()).isEmpty();
        }
    }

    @Test
    void ctrlEnterConnectsTheOpenWorkspace() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            fixture = new ShellFixture(configDir, List.of(Profile.create("Keys", "127.0.0.1", broker.port())))
                    .show(p -> "");
            doubleClickOn("Keys");
            push(KeyCode.CONTROL, KeyCode.ENTER);
            awaitText("#workspace-state", "Connected");
        }
    }

    @Test
    void themeSwitchesAtRunTimeAndIsRemembered() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        Node root = lookup("#main-window").query();
        assertThat(root.getScene().getRoot().getStyleClass()).doesNotContain(ThemeManager.DARK_CLASS);

        clickOn("View").clickOn("Dark Theme");

        assertThat(root.getScene().getRoot().getStyleClass()).contains(ThemeManager.DARK_CLASS);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        await().atMost(5, SECONDS).until(() -> "dark".equals(fixture.state.state().theme()));

        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        assertThat(root.getScene().getRoot().getStyleClass()).doesNotContain(ThemeManager.DARK_CLASS);
    }

    @Test
    void f1ListsTheShortcuts() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#shortcut-list").tryQuery().isPresent()).isTrue();
        assertThat(lookup(".shortcut-key").queryAllAs(Label.class)).extracting(Label::getText)
                .contains(Shortcuts.NEW_PROFILE.getDisplayText(), "F1");
    }

    @Test
    void theProfileListHidesAndComesBack() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#profile-list").tryQuery()).isEmpty();
        push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#profile-list").tryQuery()).isPresent();
    }

    @Test
    void menusShowTheirAccelerators() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        clickOn("File");
        boolean shown = lookup(Shortcuts.NEW_PROFILE.getDisplayText()).tryQuery().isPresent();
        assertThat(shown).isTrue();
        push(KeyCode.ESCAPE);
    }

    @Test
    void openWorkspacesWindowAndSplitAreRememberedForTheNextRun() throws Exception {
        Profile a = Profile.create("Alpha", "127.0.0.1", 1883);
        Profile b = Profile.create("Beta", "127.0.0.1", 1883);
        fixture = new ShellFixture(configDir, List.of(a, b)).show(p -> "");
        doubleClickOn("Beta");
        doubleClickOn("Alpha");
        dev.skeeter.ui.support.FxActions.run(() -> {
            Stage stage = (Stage) lookup("#main-window").query().getScene().getWindow();
            stage.setWidth(900);
            stage.setHeight(600);
            fixture.shell.window().mainSplit().setDividerPositions(0.3);
            fixture.shell.shutdown();
        });
        var saved = fixture.state.state();
        assertThat(saved.openWorkspaces()).containsExactly(b.id(), a.id());
        assertThat(saved.lastProfileId()).isEqualTo(a.id());
        assertThat(saved.window().width()).isEqualTo(900);
        assertThat(saved.window().dividerPositions().get(MainWindow.MAIN_SPLIT_ID).get(0))
                .isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
        fixture.close();

        fixture = new ShellFixture(configDir, List.of(a, b), false).show(p -> "");
        assertThat(fixture.shell.model().openProfileIds()).containsExactly(b.id(), a.id());
        assertThat(fixture.shell.model().currentProperty().get().profile().id()).isEqualTo(a.id());
        Stage stage = (Stage) lookup("#main-window").query().getScene().getWindow();
        assertThat(stage.getWidth()).isEqualTo(900);
    }

    private void awaitText(String query, String text) {
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup(query).queryLabeled().getText()).isEqualTo(text));
    }
}
