package dev.skeeter;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the desktop app can open a window here, told before JavaFX starts: without a display JavaFX fails with a
 * stack trace that does not say what to do. Stateless.
 */
final class Display {
    static final String HELP = "The command-line tools need no display: `skeeter --help` lists them.";

    private Display() {
    }

    /**
     * Why the app cannot open a window, or empty when it should be able to. Only Linux and the other X11 systems
     * need a DISPLAY; a headless glass platform (Monocle, as in tests) needs none.
     */
    static Optional<String> missing(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank()) {
            return Optional.of("skeeter: there is no display to open the app on (DISPLAY is not set).\n" + HELP);
        }
        return Optional.empty();
    }

    /** What to say when JavaFX could not start on the display that is set (an X server that is gone, no GTK 3). */
    static String unusable(String display, String reason) {
        return "skeeter: the app cannot open a window on display " + display + " (" + reason + ").\n" + HELP;
    }
}
