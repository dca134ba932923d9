package dev.skeeter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app headless (Monocle) and finds its main window. */
class SkeeterAppSmokeTest {
    private javafx.application.Application app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void appShowsItsMainWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SkeeterApp.class);
        WaitForAsyncUtils.waitForFxEvents();

        FxRobot robot = new FxRobot();
        Stage main = (Stage) robot.listTargetWindows().stream()
                .filter(Window::isShowing)
                .filter(w -> w instanceof Stage s && SkeeterApp.TITLE.equals(s.getTitle()))
                .findFirst().orElseThrow();
        assertThat(main.getScene().lookup("#main-window")).isNotNull();
        assertThat(main.getScene().getStylesheets()).contains(SkeeterApp.STYLESHEET);
    }
}
