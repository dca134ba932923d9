package dev.skeeter.ui;

import dev.skeeter.ui.theme.ThemeManager;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** F1: the list of keyboard shortcuts. FX thread only. */
public final class ShortcutsDialog {
    private ShortcutsDialog() {
    }

    public static void show(Window owner, ThemeManager themes) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setId("shortcut-list");
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new javafx.geometry.Insets(12, 16, 4, 16));
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.all()) {
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add("shortcut-key");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("shortcuts-dialog");
        themes.register(dialog.getDialogPane());
        dialog.show();
    }
}
