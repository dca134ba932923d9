package dev.skeeter.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop app: one main window. Started by {@link dev.skeeter.Main} with no arguments. */
public final class SkeeterApp extends Application {
    public static final String TITLE = "Skeeter";
    public static final String STYLESHEET = SkeeterApp.class.getResource("skeeter.css").toExternalForm();

    public static void launchApp(String[] args) {
        Application.launch(SkeeterApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        UncaughtExceptionDialog.install();
        MainWindow mainWindow = new MainWindow();
        Scene scene = new Scene(mainWindow.root(), 1280, 800);
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.show();
    }
}
