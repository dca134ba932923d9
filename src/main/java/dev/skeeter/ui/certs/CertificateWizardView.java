package dev.skeeter.ui.certs;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.ui.common.FileChooserService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Tools → Certificate wizard: the steps across the top, the current page, and Back / Next (Create certificates on
 * the Files page) with the page's error, the progress of key generation and the existing-files question. FX thread
 * only.
 */
public final class CertificateWizardView {
    static final String STYLESHEET = Objects.requireNonNull(CertificateWizardView.class.getResource("certs.css"))
            .toExternalForm();

    private final CertificateWizardViewModel model;
    private final WizardPages pages;
    private final BorderPane root = new BorderPane();
    private final ScrollPane content = new ScrollPane();
    private final List<Label> steps = new ArrayList<>();
    private final Label title = new Label();

    public CertificateWizardView(CertificateWizardViewModel model, FileChooserService files, Runnable close) {
        this.model = model;
        this.pages = new WizardPages(model, files);
        root.setId("certificate-wizard");
        root.getStylesheets().add(STYLESHEET);
        root.setTop(createSteps());
        content.setFitToWidth(true);
        content.setId("wizard-content");
        root.setCenter(content);
        root.setBottom(createButtons(close));
        model.pageProperty().addListener((obs, old, now) -> showPage(now));
        showPage(model.pageProperty().get());
    }

    public Parent root() {
        return root;
    }

    private Node createSteps() {
        HBox box = new HBox(6);
        for (WizardPage page : WizardPage.values()) {
            Label step = new Label((page.ordinal() + 1) + " " + page.title());
            step.getStyleClass().add("wizard-step");
            steps.add(step);
            box.getChildren().add(step);
            if (page != WizardPage.DONE) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add("wizard-step");
                box.getChildren().add(arrow);
            }
        }
        box.getStyleClass().add("wizard-steps");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node createButtons(Runnable close) {
        Label error = new Label();
        error.setId("wizard-error");
        error.getStyleClass().add("wizard-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotNull());
        error.visibleProperty().bind(error.managedProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("wizard-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(160);
        Label progressText = new Label();
        progressText.setId("wizard-progress-text");
        progressText.getStyleClass().add("muted");
        progressText.textProperty().bind(model.progressTextProperty());
        HBox progress = new HBox(8, bar, progressText);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.managedProperty().bind(model.progressTextProperty().isNotEmpty());
        progress.visibleProperty().bind(progress.managedProperty());

        Button back = new Button("Back");
        back.setId("wizard-back");
        back.setOnAction(e -> model.back());
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canGoBack(), model.pageProperty(),
                model.busyProperty()));
        Button next = new Button();
        next.setId("wizard-next");
        next.getStyleClass().add("accent");
        next.setDefaultButton(true);
        next.textProperty().bind(Bindings.createStringBinding(() -> model.pageProperty().get() == WizardPage.OUTPUT
                ? "Create certificates" : "Next", model.pageProperty()));
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.busyProperty().or(Bindings.isNotEmpty(model.existingFiles())));
        next.visibleProperty().bind(model.pageProperty().isNotEqualTo(WizardPage.DONE));
        next.managedProperty().bind(next.visibleProperty());
        Button finish = new Button("Start the broker with TLS and connect");
        finish.setId("wizard-finish");
        finish.getStyleClass().add("accent");
        finish.setOnAction(e -> model.finish());
        finish.disableProperty().bind(model.busyProperty().or(model.connectionProperty().isNotNull()));
        finish.visibleProperty().bind(model.pageProperty().isEqualTo(WizardPage.DONE));
        finish.managedProperty().bind(finish.visibleProperty());
        Button closeButton = new Button("Close");
        closeButton.setId("wizard-close");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, progress, spacer, closeButton, back, next, finish);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(8, existingFilesQuestion(), finishLine(), error, buttons);
        box.getStyleClass().add("wizard-buttons");
        return box;
    }

    /** What the one-click finish did, and the connection's state, where the button that started it is. */
    private Node finishLine() {
        Label status = new Label();
        status.setId("wizard-finish-status");
        status.setWrapText(true);
        status.textProperty().bind(model.finishStatusProperty());
        Label connection = new Label();
        connection.setId("wizard-connection");
        connection.getStyleClass().add("wizard-ok");
        connection.textProperty().bind(Bindings.createStringBinding(() -> describe(model.connectionProperty().get()),
                model.connectionProperty()));
        VBox box = new VBox(4, status, connection);
        box.managedProperty().bind(model.finishStatusProperty().isNotEmpty());
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private Node existingFilesQuestion() {
        Label text = new Label();
        text.setId("wizard-existing-files");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> model.existingFiles().isEmpty() ? ""
                : "These files exist already: " + model.existingFiles().stream().map(Path::getFileName)
                .map(Path::toString).collect(Collectors.joining(", ")) + ". Replace them?", model.existingFiles()));
        Button replace = new Button("Replace them");
        replace.setId("wizard-replace");
        replace.setOnAction(e -> model.replaceExisting());
        Button keep = new Button("Keep them");
        keep.setId("wizard-keep");
        keep.setOnAction(e -> model.keepExisting());
        replace.setMinWidth(Region.USE_PREF_SIZE);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(8, text, keep, replace);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("wizard-question");
        box.managedProperty().bind(Bindings.isNotEmpty(model.existingFiles()));
        box.visibleProperty().bind(box.managedProperty());
        return box;
    }

    private void showPage(WizardPage page) {
        for (int i = 0; i < steps.size(); i++) {
            Label step = steps.get(i);
            step.getStyleClass().setAll("label", "wizard-step");
            if (i == page.ordinal()) {
                step.getStyleClass().add("current");
            } else if (i < page.ordinal()) {
                step.getStyleClass().add("done");
            }
        }
        title.setText(page.title());
        title.getStyleClass().setAll("label", "wizard-title");
        Label intro = new Label(intro(page));
        intro.getStyleClass().add("wizard-intro");
        intro.setWrapText(true);
        VBox box = new VBox(10, title, intro, pages.page(page));
        box.setPadding(new Insets(14, 18, 14, 18));
        box.setId("wizard-page-" + page.name().toLowerCase(java.util.Locale.ROOT));
        content.setContent(box);
        content.setVvalue(0);
    }

    private static String intro(WizardPage page) {
        return switch (page) {
            case CA -> "A certificate authority (CA) signs the broker's and the clients' certificates; each side "
                    + "trusts the other because both were signed by it. Create a new one, or use one you have.";
            case SERVER -> "The broker presents this certificate. Clients check that the name they connect to is "
                    + "in it, so list every name and address the broker is reached by.";
            case CLIENTS -> "Each client gets its own certificate. With require_certificate, the broker only "
                    + "accepts clients that present one; the common name becomes the client's user name.";
            case OUTPUT -> "Private keys are written readable only by you (0600). Nothing is replaced without "
                    + "asking.";
            case DONE -> "Your certificates are ready. Use them with mosquitto, or let Skeeter start its local "
                    + "broker with them and connect, to see mutual TLS working at once.";
        };
    }

    /** "Connected", "Connecting…", for the Done page's status line. */
    static String describe(ConnectionState state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case CONNECTED -> "Connected with mutual TLS.";
            case CONNECTING, RECONNECTING -> "Connecting…";
            case FAILED -> "The connection failed: the workspace says why.";
            case DISCONNECTED -> "Disconnected.";
        };
    }
}
