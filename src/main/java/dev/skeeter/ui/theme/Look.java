package dev.skeeter.ui.theme;

import java.util.Locale;

/**
 * The base look under the app's own stylesheet: AtlantaFX Primer (default) or JavaFX's Modena, chosen with
 * {@code -Dskeeter.look=modena} (kept so both can be compared on screenshots).
 */
public enum Look {
    PRIMER, MODENA;

    public static Look fromSystemProperty() {
        String value = System.getProperty("skeeter.look", "primer").toLowerCase(Locale.ROOT);
        return value.equals("modena") ? MODENA : PRIMER;
    }
}
