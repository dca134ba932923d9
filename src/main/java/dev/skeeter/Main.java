package dev.skeeter;

import dev.skeeter.cli.SkeeterCommand;
import dev.skeeter.ui.SkeeterApp;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The jar's entry point: with no arguments it opens the desktop app, with a subcommand it runs the command line.
 * A plain class on purpose: a main class that extends {@code Application} cannot start from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            launchApp(); // installs logging on its start-up thread, beside the toolkit's start
            return;
        }
        Logging.install();
        int exitCode = SkeeterCommand.commandLine().execute(args);
        if (exitCode != 0 || !SkeeterCommand.keepsRunning(args)) {
            System.exit(exitCode);
        }
    }

    private static void launchApp() {
        Optional<String> missing = Display.missing(System.getenv(), System.getProperty("os.name"),
                System.getProperty("glass.platform"));
        if (missing.isPresent()) {
            System.err.println(missing.get());
            System.exit(1);
        }
        try {
            SkeeterApp.launchApp(new String[0]);
        } catch (UnsupportedOperationException e) {
            // how GTK's glass says "Unable to open DISPLAY" or "Unable to load glass GTK library"
            System.err.println(Display.unusable(System.getenv("DISPLAY"), e.getMessage()));
            System.exit(1);
        }
    }
}
