package dev.skeeter.ui.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** A TestFX test of the main window: a temporary config directory and the shell it shows, closed after each test. */
public abstract class ShellFxTestBase extends FxRobot {
    @TempDir
    protected Path configDir;
    protected ShellFixture fixture;

    @AfterEach
    void closeShell() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }
}
