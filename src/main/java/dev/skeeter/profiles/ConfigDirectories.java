package dev.skeeter.profiles;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where Skeeter keeps its files. The system property {@value #OVERRIDE_PROPERTY} wins over the platform default,
 * so tests (and a portable install) never touch the real home directory:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/skeeter}, or {@code ~/.config/skeeter}</li>
 *   <li>Windows: {@code %APPDATA%\Skeeter}, or {@code ~\AppData\Roaming\Skeeter}</li>
 *   <li>macOS: {@code ~/Library/Application Support/Skeeter}</li>
 * </ul>
 * Nothing here creates directories; the stores do when they first write.
 */
public final class ConfigDirectories {
    public static final String OVERRIDE_PROPERTY = "skeeter.config.dir";
    public static final String PROFILES_FILE_NAME = "profiles.json";
    public static final String STATE_FILE_NAME = "state.json";

    private ConfigDirectories() {
    }

    /** The configuration directory for this user on this platform (see the class comment). */
    public static Path configDir() {
        return resolve(System::getProperty, System.getenv());
    }

    public static Path profilesFile() {
        return configDir().resolve(PROFILES_FILE_NAME);
    }

    public static Path stateFile() {
        return configDir().resolve(STATE_FILE_NAME);
    }

    /** The rules, with system properties and environment passed in so every platform's branch can be tested. */
    static Path resolve(UnaryOperator<String> systemProperties, Map<String, String> env) {
        String override = systemProperties.apply(OVERRIDE_PROPERTY);
        if (notBlank(override)) {
            return Path.of(override).toAbsolutePath();
        }
        String home = systemProperties.apply("user.home");
        String os = String.valueOf(systemProperties.apply("os.name")).toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = notBlank(appData) ? Path.of(appData) : Path.of(home, "AppData", "Roaming");
            return base.resolve("Skeeter");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Skeeter");
        }
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        if (notBlank(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "skeeter");
        }
        return Path.of(home, ".config", "skeeter");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
