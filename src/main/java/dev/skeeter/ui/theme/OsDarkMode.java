package dev.skeeter.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads whether the OS prefers a dark look, where that is cheap: JavaFX 21 has no API for it (that came in 22).
 * GNOME's gsettings, the Windows registry, macOS {@code defaults}; anything else means light. Runs a process, so
 * call it off the FX thread. Stateless and thread-safe.
 */
public final class OsDarkMode {
    private static final Logger LOG = LoggerFactory.getLogger(OsDarkMode.class);
    private static final long TIMEOUT_MS = 2_000;

    private OsDarkMode() {
    }

    /** The OS preference, or LIGHT when it cannot be read. Blocks up to two seconds. */
    public static Theme detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("win")) {
                return run(List.of("reg", "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme")).map(r -> parseWindowsRegistry(r.output())).orElse(Theme.LIGHT);
            }
            if (os.contains("mac")) {
                return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                        .map(r -> parseMacDefaults(r.exitCode(), r.output())).orElse(Theme.LIGHT);
            }
            return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                    .map(r -> r.exitCode() == 0 ? parseGnomeColorScheme(r.output()) : Theme.LIGHT)
                    .orElse(Theme.LIGHT);
        } catch (RuntimeException e) {
            LOG.debug("Could not read the OS colour scheme", e);
            return Theme.LIGHT;
        }
    }

    /** {@code 'prefer-dark'} means dark; {@code 'default'} or {@code 'prefer-light'} mean light. */
    static Theme parseGnomeColorScheme(String output) {
        return output.contains("prefer-dark") ? Theme.DARK : Theme.LIGHT;
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} means dark. */
    static Theme parseWindowsRegistry(String output) {
        for (String line : output.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                return line.trim().endsWith("0x0") ? Theme.DARK : Theme.LIGHT;
            }
        }
        return Theme.LIGHT;
    }

    /** Prints {@code Dark} when dark; fails (exit 1) when the key is absent, which is light. */
    static Theme parseMacDefaults(int exitCode, String output) {
        return exitCode == 0 && output.trim().equalsIgnoreCase("dark") ? Theme.DARK : Theme.LIGHT;
    }

    private record Result(int exitCode, String output) {
    }

    private static Optional<Result> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                return Optional.of(new Result(p.exitValue(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            return Optional.empty(); // the tool is not installed: nothing to learn
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
