package dev.skeeter.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OsDarkModeTest {
    @Test
    void gnomePreferDarkIsDark() {
        assertThat(OsDarkMode.parseGnomeColorScheme("'prefer-dark'\n")).isEqualTo(Theme.DARK);
        assertThat(OsDarkMode.parseGnomeColorScheme("'default'\n")).isEqualTo(Theme.LIGHT);
        assertThat(OsDarkMode.parseGnomeColorScheme("'prefer-light'")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void windowsAppsUseLightThemeZeroIsDark() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n";
        assertThat(OsDarkMode.parseWindowsRegistry(dark)).isEqualTo(Theme.DARK);
        assertThat(OsDarkMode.parseWindowsRegistry(dark.replace("0x0", "0x1"))).isEqualTo(Theme.LIGHT);
        assertThat(OsDarkMode.parseWindowsRegistry("ERROR: not found")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void macDarkStyleIsDarkAndAMissingKeyIsLight() {
        assertThat(OsDarkMode.parseMacDefaults(0, "Dark\n")).isEqualTo(Theme.DARK);
        assertThat(OsDarkMode.parseMacDefaults(1, "The domain/default pair does not exist")).isEqualTo(Theme.LIGHT);
    }

    @Test
    void detectionAnswersOnThisMachineWithoutFailing() {
        assertThat(OsDarkMode.detect()).isIn(Theme.LIGHT, Theme.DARK);
    }
}
