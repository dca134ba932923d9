package dev.skeeter.ui;

import dev.skeeter.Version;
import dev.skeeter.ui.theme.ThemeManager;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: version, the licences of what Skeeter bundles, and links. FX thread only. */
public final class AboutDialog {
    /** A bundled library and its licence. */
    public record BundledLibrary(String name, String licence, String url) {
    }

    public static final List<BundledLibrary> LIBRARIES = List.of(
            new BundledLibrary("OpenJFX 21", "GPL 2.0 with Classpath Exception", "https://openjfx.io"),
            new BundledLibrary("AtlantaFX 2.0.1", "MIT", "https://github.com/mkpaz/atlantafx"),
            new BundledLibrary("ControlsFX 11", "BSD 3-Clause", "https://github.com/controlsfx/controlsfx"),
            new BundledLibrary("Eclipse Paho MQTT client", "EPL 2.0 / EDL 1.0", "https://eclipse.dev/paho/"),
            new BundledLibrary("Netty 4.2", "Apache 2.0", "https://netty.io"),
            new BundledLibrary("Bouncy Castle", "MIT (Bouncy Castle licence)", "https://www.bouncycastle.org"),
            new BundledLibrary("Jackson", "Apache 2.0", "https://github.com/FasterXML/jackson"),
            new BundledLibrary("picocli", "Apache 2.0", "https://picocli.info"),
            new BundledLibrary("SLF4J", "MIT", "https://www.slf4j.org"),
            new BundledLibrary("Logback", "EPL 1.0 / LGPL 2.1", "https://logback.qos.ch"),
            new BundledLibrary("HdrHistogram", "Public domain / BSD 2-Clause", "https://hdrhistogram.org"));

    private AboutDialog() {
    }

    public static void show(Window owner, ThemeManager themes, Consumer<String> openLink) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Skeeter");
        dialog.setHeaderText("Skeeter " + Version.get());
        Label blurb = new Label("A desktop MQTT toolbox: client, embeddable broker and command line in one jar.");
        blurb.setWrapText(true);
        Label runtime = new Label("Java " + System.getProperty("java.version") + ", JavaFX "
                + System.getProperty("javafx.runtime.version", "?"));
        runtime.getStyleClass().add("muted");
        GridPane libs = new GridPane();
        libs.setId("about-libraries");
        libs.setHgap(16);
        libs.setVgap(2);
        int row = 0;
        for (BundledLibrary lib : LIBRARIES) {
            Hyperlink name = new Hyperlink(lib.name());
            name.setOnAction(e -> openLink.accept(lib.url()));
            libs.addRow(row++, name, new Label(lib.licence()));
        }
        Label heading = new Label("Bundled libraries");
        heading.getStyleClass().add("form-section-title");
        VBox content = new VBox(8, blurb, runtime, heading, libs);
        content.setPadding(new Insets(12, 16, 4, 16));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("about-dialog");
        themes.register(dialog.getDialogPane());
        dialog.show();
    }
}
