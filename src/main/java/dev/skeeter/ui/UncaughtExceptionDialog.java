package dev.skeeter.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every uncaught exception and shows it in a dialog, so nothing fails silently. */
public final class UncaughtExceptionDialog {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtExceptionDialog.class);

    private UncaughtExceptionDialog() {
    }

    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception on thread {}", thread.getName(), error);
            if (Platform.isFxApplicationThread()) {
                show(error);
            } else {
                Platform.runLater(() -> show(error));
            }
        });
    }

    private static void show(Throwable error) {
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR);
            alert.setTitle("Unexpected error");
            alert.setHeaderText(String.valueOf(error.getMessage() == null ? error.getClass().getName()
                    : error.getMessage()));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setWrapText(false);
            alert.getDialogPane().setExpandableContent(details);
            alert.show();
        } catch (RuntimeException dialogFailure) {
            LOG.error("Could not show the error dialog", dialogFailure);
        }
    }
}
