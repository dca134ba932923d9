package dev.skeeter;

import dev.skeeter.cli.SkeeterCommand;
import dev.skeeter.ui.SkeeterApp;
import picocli.CommandLine;

/**
 * The jar's entry point: with no arguments it opens the desktop app, with a subcommand it runs the command line.
 * A plain class on purpose: a main class that extends {@code Application} cannot start from the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Logging.install();
        if (args.length == 0) {
            SkeeterApp.launchApp(args);
            return;
        }
        int exitCode = SkeeterCommand.commandLine().execute(args);
        if (exitCode != 0 || !SkeeterCommand.keepsRunning(args)) {
            System.exit(exitCode);
        }
    }
}
