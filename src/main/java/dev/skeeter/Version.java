package dev.skeeter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, written into the jar by Maven resource filtering. */
public final class Version {
    private static final Properties BUILD = load();
    private static final String VERSION = BUILD.getProperty("version", "unknown");

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    /** When the jar was built, as mosquitto's {@code $SYS/broker/timestamp} gives it ({@code 2026-12-05 09:00:00+0000}). */
    public static String timestamp() {
        return BUILD.getProperty("timestamp", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
