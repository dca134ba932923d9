package dev.skeeter.ui;

import java.util.List;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut of the main window, in one place so menus and the F1 list cannot disagree. */
public final class Shortcuts {
    public static final KeyCombination NEW_PROFILE = KeyCombination.keyCombination("Shortcut+N");
    public static final KeyCombination EDIT_PROFILES = KeyCombination.keyCombination("Shortcut+E");
    public static final KeyCombination CLOSE_WORKSPACE = KeyCombination.keyCombination("Shortcut+W");
    public static final KeyCombination CONNECT = KeyCombination.keyCombination("Shortcut+Enter");
    public static final KeyCombination DISCONNECT = KeyCombination.keyCombination("Shortcut+Shift+D");
    public static final KeyCombination LOCAL_BROKER = KeyCombination.keyCombination("Shortcut+Shift+B");
    public static final KeyCombination TOGGLE_THEME = KeyCombination.keyCombination("Shortcut+Shift+T");
    public static final KeyCombination TOGGLE_PROFILES = KeyCombination.keyCombination("Shortcut+Shift+P");
    public static final KeyCombination HELP = KeyCombination.keyCombination("F1");
    public static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");

    /** One line of the F1 list. */
    public record Shortcut(KeyCombination keys, String action) {
        public String keysText() {
            return keys.getDisplayText().replace("\u21b5", "Enter"); // JavaFX shows Enter as an arrow
        }
    }

    private Shortcuts() {
    }

    public static List<Shortcut> all() {
        return List.of(
                new Shortcut(NEW_PROFILE, "New connection profile"),
                new Shortcut(EDIT_PROFILES, "Edit connection profiles"),
                new Shortcut(CONNECT, "Connect the current workspace (publish in the Publish tab)"),
                new Shortcut(DISCONNECT, "Disconnect the current workspace"),
                new Shortcut(CLOSE_WORKSPACE, "Close the current workspace"),
                new Shortcut(LOCAL_BROKER, "Local broker"),
                new Shortcut(TOGGLE_THEME, "Switch between light and dark theme"),
                new Shortcut(TOGGLE_PROFILES, "Show or hide the profile list"),
                new Shortcut(HELP, "This list of shortcuts"),
                new Shortcut(QUIT, "Quit"));
    }
}
