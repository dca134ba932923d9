package dev.skeeter.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real app headless (Monocle) and finds its main window. */
class SkeeterAppSmokeTest {
    private javafx.application.Application app;
    private String previousConfigDir;

    @BeforeEach
    void useTemporaryConfigDir(@TempDir Path dir) {
        // the app reads profiles and state from here: never the real home
        previousConfigDir = System.setProperty("skeeter.config.dir", dir.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        if (previousConfigDir == null) {
            System.clearProperty("skeeter.config.dir");
        } else {
            System.setProperty("skeeter.config.dir", previousConfigDir);
        }
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
        assertThat(main.getScene().lookup("#local-broker-offer").isVisible()).isTrue();
    }
}
