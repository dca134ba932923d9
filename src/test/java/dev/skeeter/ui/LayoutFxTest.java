package dev.skeeter.ui;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.ui.support.FxActions;
import dev.skeeter.ui.support.ShellFixture;
import dev.skeeter.ui.support.ShellFxTestBase;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 2: at 1024x640 the Subscribe pane shows at least 8 message rows and a payload viewer at least
 * 150 px high without a divider being touched.
 */
class LayoutFxTest extends ShellFxTestBase {
    static final int MIN_ROWS = 8;
    static final double MIN_VIEWER_HEIGHT = 150;

    @Test
    void theMessagesGetTheRoomAt1024x640() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        FxActions.run(() -> {
            Stage stage = (Stage) lookup("#main-window").query().getScene().getWindow();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        clickOn("#offer-local-broker");
        await().atMost(15, SECONDS).untilAsserted(() ->
                assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Connected"));
        FxActions.run(() -> {
            TabPane tabs = lookup("#workspace-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-subscribe".equals(t.getId())).findFirst().orElseThrow());
        });
        await().atMost(10, SECONDS).untilAsserted(() -> {
            double[] sizes = FxActions.call(this::measure);
            assertThat(sizes[0]).as("message rows shown").isGreaterThanOrEqualTo(MIN_ROWS);
            assertThat(sizes[1]).as("payload viewer height").isGreaterThanOrEqualTo(MIN_VIEWER_HEIGHT);
        });
    }

    /** Whole rows the table shows, and the height of the payload viewer's text area. */
    private double[] measure() {
        TableView<?> table = lookup("#messages").queryAs(TableView.class);
        Node header = table.lookup(".column-header-background");
        double rowsHeight = table.getHeight() - header.getBoundsInLocal().getHeight();
        double rows = Math.floor(rowsHeight / table.getFixedCellSize());
        // The Topics tab holds a viewer with the same id; measure the Subscribe tab's own.
        TabPane tabs = lookup("#workspace-tabs").queryAs(TabPane.class);
        Node subscribe = tabs.getTabs().stream().filter(t -> "tab-subscribe".equals(t.getId()))
                .findFirst().orElseThrow().getContent();
        double viewer = from(subscribe).lookup("#detail-text").query().getBoundsInLocal().getHeight();
        return new double[] {rows, viewer};
    }
}
