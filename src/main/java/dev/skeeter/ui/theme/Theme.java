package dev.skeeter.ui.theme;

/** The app's colour themes. */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
