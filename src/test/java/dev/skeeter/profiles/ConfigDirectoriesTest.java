package dev.skeeter.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDirectoriesTest {
    private static Path resolve(String os, Map<String, String> env, String override) {
        Map<String, String> props = new HashMap<>();
        props.put("os.name", os);
        props.put("user.home", "/home/u");
        if (override != null) {
            props.put(ConfigDirectories.OVERRIDE_PROPERTY, override);
        }
        return ConfigDirectories.resolve(props::get, env);
    }

    @Test
    void linuxUsesXdgConfigHomeWhenAbsolute() {
        assertThat(resolve("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), null)).isEqualTo(Path.of("/xdg/skeeter"));
        assertThat(resolve("Linux", Map.of("XDG_CONFIG_HOME", "relative"), null))
                .isEqualTo(Path.of("/home/u/.config/skeeter"));
        assertThat(resolve("Linux", Map.of(), null)).isEqualTo(Path.of("/home/u/.config/skeeter"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(resolve("Windows 11", Map.of("APPDATA", "/appdata"), null))
                .isEqualTo(Path.of("/appdata", "Skeeter"));
        assertThat(resolve("Windows 11", Map.of(), null))
                .isEqualTo(Path.of("/home/u", "AppData", "Roaming", "Skeeter"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(resolve("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), null))
                .isEqualTo(Path.of("/home/u/Library/Application Support/Skeeter"));
    }

    @Test
    void systemPropertyOverridesEveryPlatform() {
        for (String os : new String[] {"Linux", "Windows 10", "Mac OS X"}) {
            assertThat(resolve(os, Map.of("APPDATA", "/a", "XDG_CONFIG_HOME", "/x"), "/tmp/sk"))
                    .isEqualTo(Path.of("/tmp/sk"));
        }
    }

    @Test
    void filesLiveInTheConfigDirectory() {
        String before = System.getProperty(ConfigDirectories.OVERRIDE_PROPERTY);
        System.setProperty(ConfigDirectories.OVERRIDE_PROPERTY, "/tmp/skeeter-test-config");
        try {
            assertThat(ConfigDirectories.profilesFile()).isEqualTo(Path.of("/tmp/skeeter-test-config/profiles.json"));
            assertThat(ConfigDirectories.stateFile()).isEqualTo(Path.of("/tmp/skeeter-test-config/state.json"));
        } finally {
            if (before == null) {
                System.clearProperty(ConfigDirectories.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigDirectories.OVERRIDE_PROPERTY, before);
            }
        }
    }
}
