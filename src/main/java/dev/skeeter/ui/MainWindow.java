package dev.skeeter.ui;

import dev.skeeter.Version;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The main window's content. FX thread only. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow() {
        root.setId("main-window");
        root.setTop(createMenuBar());
        root.setCenter(createWelcome());
    }

    public Parent root() {
        return root;
    }

    private MenuBar createMenuBar() {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        return new MenuBar(new Menu("File", null, quit));
    }

    private VBox createWelcome() {
        Label title = new Label("Skeeter");
        title.getStyleClass().add("welcome-title");
        Label version = new Label("version " + Version.get());
        version.getStyleClass().add("welcome-subtitle");
        VBox box = new VBox(8, title, version);
        box.setId("welcome");
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
