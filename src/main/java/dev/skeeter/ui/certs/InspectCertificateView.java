package dev.skeeter.ui.certs;

import dev.skeeter.ui.common.FileChooserService;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Tools → Inspect certificate: the file, an optional key and CA to check against, the verdict and the report. */
public final class InspectCertificateView {
    private static final String[] FILES = {"*.crt", "*.pem", "*.cer", "*.der", "*.key", "*.p12", "*.pfx"};

    private final InspectCertificateViewModel model;
    private final FileChooserService files;
    private final VBox root = new VBox(10);

    public InspectCertificateView(InspectCertificateViewModel model, FileChooserService files) {
        this.model = model;
        this.files = files;
        root.setId("inspect-certificate");
        root.getStylesheets().add(CertificateWizardView.STYLESHEET);
        root.setPadding(new Insets(14));
        TextArea report = new TextArea();
        report.setId("inspect-report");
        report.setEditable(false);
        report.getStyleClass().add("wizard-code");
        report.textProperty().bind(model.reportProperty());
        VBox.setVgrow(report, Priority.ALWAYS);
        root.getChildren().setAll(form(), banner(), report);
    }

    public Parent root() {
        return root;
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        Button inspect = new Button("Inspect");
        inspect.setId("inspect-run");
        inspect.getStyleClass().add("accent");
        inspect.setDefaultButton(true);
        inspect.disableProperty().bind(model.busyProperty());
        inspect.setOnAction(e -> model.inspect());
        HBox file = fileRow("inspect-file", model.file, "Choose a certificate, key or PKCS#12 file");
        file.getChildren().add(inspect);
        grid.addRow(0, new Label("File"), file);
        grid.addRow(1, new Label("Private key"), fileRow("inspect-key", model.keyFile,
                "Choose the private key to check against the certificate"));
        grid.addRow(2, new Label("CA"), fileRow("inspect-ca", model.caFile,
                "Choose the CA certificate it should chain to"));
        PasswordField password = new PasswordField();
        password.setId("inspect-password");
        password.setPromptText("of a PKCS#12 bundle or an encrypted key");
        password.textProperty().bindBidirectional(model.password);
        password.setMaxWidth(420);
        password.setOnAction(e -> model.inspect());
        grid.addRow(3, new Label("Password"), password);
        Label hint = new Label("Key and CA are optional: with them the report says whether the key belongs to the "
                + "certificate and whether the CA signed it.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        grid.add(hint, 1, 4);
        return grid;
    }

    private Node banner() {
        Label text = new Label();
        text.setId("inspect-verdict");
        text.getStyleClass().add("inspect-banner-text");
        text.setWrapText(true);
        HBox box = new HBox(text);
        box.getStyleClass().add("inspect-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        model.verdictProperty().addListener((obs, old, verdict) -> {
            text.setText(verdict == null ? "" : verdict.text());
            box.getStyleClass().setAll("inspect-banner");
            if (verdict != null && verdict.level() != InspectionVerdict.Level.OK) {
                box.getStyleClass().add(verdict.level().name().toLowerCase(Locale.ROOT));
            }
        });
        box.visibleProperty().bind(model.verdictProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox fileRow(String id, StringProperty value, String title) {
        TextField path = new TextField();
        path.setId(id);
        path.textProperty().bindBidirectional(value);
        Button browse = new Button("Browse…");
        browse.setId(id + "-browse");
        // the file itself is inspected as soon as it is chosen; a key or CA waits for Inspect
        browse.setOnAction(e -> files.open(title, FILES).ifPresent(p -> {
            value.set(p.toString());
            if (value == model.file) {
                model.inspect();
            }
        }));
        HBox row = new HBox(6, path, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, Priority.ALWAYS);
        return row;
    }
}
