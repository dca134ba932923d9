package dev.skeeter.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.ui.subscribe.MessageRow;
import dev.skeeter.ui.support.ShellFxTestBase;
import dev.skeeter.ui.support.ShellFixture;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The app's real main window with the panes plugged in: first start, one click, publish, see it arrive. */
class WorkspacePanesFxTest extends ShellFxTestBase {
    @Test
    void aWorkspaceOnTheLocalBrokerPublishesAndSubscribesThroughItsTabs() throws Exception {
        fixture = new ShellFixture(configDir, List.of());
        fixture.show(p -> ""); // the fixture plugs in Panes.standard, as the app does
        clickOn("#offer-local-broker");
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Connected"));

        clickOn("#tab-subscribe");
        clickOn("#subscribe-filter").write("app/#");
        clickOn("#subscribe-button");
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#subscription-filter").queryLabeled().getText()).isEqualTo("app/#"));

        clickOn("#tab-publish");
        clickOn("#publish-topic").write("app/hello").type(KeyCode.ESCAPE);
        clickOn("#publish-payload").write("from the shell");
        press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);

        clickOn("#tab-subscribe");
        @SuppressWarnings("unchecked")
        TableView<MessageRow> table = lookup("#messages").queryAs(TableView.class);
        await().atMost(10, SECONDS).untilAsserted(() -> assertThat(table.getItems()).hasSize(1));
        assertThat(table.getItems().get(0).topic()).isEqualTo("app/hello");
        assertThat(table.getItems().get(0).preview()).isEqualTo("from the shell");
    }
}
