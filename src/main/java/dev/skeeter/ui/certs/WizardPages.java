package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.KeyType;
import dev.skeeter.ui.common.FileChooserService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Builds the wizard's pages over its view-model, once each. FX thread only. */
final class WizardPages {
    private static final String[] CERT_FILTERS = {"*.crt", "*.pem", "*.cer"};
    private static final String[] KEY_FILTERS = {"*.key", "*.pem"};

    private final CertificateWizardViewModel model;
    private final FileChooserService files;
    private final Node[] built = new Node[WizardPage.values().length];

    WizardPages(CertificateWizardViewModel model, FileChooserService files) {
        this.model = model;
        this.files = files;
    }

    Node page(WizardPage page) {
        int i = page.ordinal();
        if (built[i] == null) {
            built[i] = switch (page) {
                case CA -> ca();
                case SERVER -> server();
                case CLIENTS -> clients();
                case OUTPUT -> output();
                case DONE -> done();
            };
        }
        return built[i];
    }

    private Node ca() {
        ToggleGroup group = new ToggleGroup();
        RadioButton create = new RadioButton("Create a new CA");
        create.setId("wizard-new-ca");
        RadioButton load = new RadioButton("Use an existing CA certificate and key");
        load.setId("wizard-existing-ca");
        create.setToggleGroup(group);
        load.setToggleGroup(group);
        create.setSelected(model.newCa.get());
        load.setSelected(!model.newCa.get());
        create.selectedProperty().addListener((obs, old, now) -> model.newCa.set(now));

        Form fresh = new Form();
        fresh.add("Name", text("wizard-ca-name", model.caName));
        fresh.add("Key type", keyTypes("wizard-ca-key-type", model.caKeyType));
        fresh.add("Valid for (days)", days("wizard-ca-days", model.caDays));
        fresh.grid.disableProperty().bind(model.newCa.not());

        ExistingCaFiles ca = model.existingCa();
        Form existing = new Form();
        existing.add("CA certificate", fileRow("wizard-ca-cert", ca.certificate, "Choose the CA certificate",
                CERT_FILTERS));
        Label summary = new Label();
        summary.setId("wizard-ca-summary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(ca.summaryProperty());
        existing.add("", summary);
        existing.add("CA private key", fileRow("wizard-ca-key", ca.key, "Choose the CA's private key",
                KEY_FILTERS));
        PasswordField passphrase = password("wizard-ca-passphrase", ca.passphrase);
        passphrase.setPromptText("the key is encrypted: its passphrase");
        Node row = existing.add("Key passphrase", passphrase);
        showWhen(row, ca.keyEncryptedProperty());
        showWhen(passphrase, ca.keyEncryptedProperty());
        existing.grid.disableProperty().bind(model.newCa);
        return new VBox(8, create, fresh.grid, load, existing.grid);
    }

    private Node server() {
        Form form = new Form();
        form.add("Common name", text("wizard-server-cn", model.serverCn));
        TextField names = text("wizard-server-names", model.serverNames);
        form.add("Names and addresses", names);
        form.add("", muted("Host names and IP addresses, separated by commas. Defaults: this computer's."));
        form.add("Key type", keyTypes("wizard-server-key-type", model.serverKeyType));
        form.add("Valid for (days)", days("wizard-server-days", model.serverDays));
        form.add("", muted("Apple devices refuse server certificates valid for more than "
                + CertificateRequest.LEAF_DEFAULT_DAYS + " days."));
        TextField port = text("wizard-tls-port", model.tlsPort);
        port.setMaxWidth(100);
        form.add("TLS port", port);
        form.add("", muted("For the mosquitto.conf snippet and Skeeter's local broker (mosquitto's is 8883)."));
        return form.grid;
    }

    private Node clients() {
        Form form = new Form();
        TextArea names = new TextArea();
        names.setId("wizard-client-names");
        names.setPrefRowCount(4);
        names.textProperty().bindBidirectional(model.clientNames);
        form.add("Common names", names);
        form.add("", muted("One client a line. \"client\" writes client.crt; another name, e.g. alice, writes "
                + "alice.crt."));
        form.add("Key type", keyTypes("wizard-client-key-type", model.clientKeyType));
        form.add("Valid for (days)", days("wizard-client-days", model.clientDays));
        return form.grid;
    }

    private Node output() {
        Form form = new Form();
        TextField dir = text("wizard-output-dir", model.outputDir);
        Button browse = new Button("Browse…");
        browse.setId("wizard-output-dir-browse");
        browse.setOnAction(e -> files.directory("Choose the folder for the certificates")
                .ifPresent(p -> model.outputDir.set(p.toString())));
        form.add("Folder", row(dir, browse));
        CheckBox encrypt = check("wizard-encrypt-keys", "Encrypt the CA's and the clients' private keys",
                model.encryptKeys);
        form.add("", encrypt);
        PasswordField passphrase = password("wizard-key-passphrase", model.keyPassphrase);
        PasswordField again = password("wizard-key-passphrase-again", model.keyPassphraseAgain);
        passphrase.disableProperty().bind(model.encryptKeys.not());
        again.disableProperty().bind(model.encryptKeys.not());
        form.add("Passphrase", passphrase);
        form.add("Again", again);
        form.add("", muted("The server's key stays unencrypted: a broker reads it at start, with nobody to ask."));
        form.add("", check("wizard-pkcs12", "Also write PKCS#12 bundles (.p12) for the server and each client",
                model.writePkcs12));
        PasswordField p12 = password("wizard-p12-password", model.p12Password);
        p12.disableProperty().bind(model.writePkcs12.not());
        form.add("Bundle password", p12);
        return form.grid;
    }

    private Node done() {
        Label folder = new Label();
        folder.setId("wizard-written-folder");
        folder.getStyleClass().add("muted");
        GridPane written = new GridPane();
        written.setId("wizard-written");
        written.setHgap(16);
        written.setVgap(2);
        Runnable fill = () -> {
            written.getChildren().clear();
            int row = 0;
            for (CertificateWriter.Written w : model.written()) {
                Label name = new Label(w.file().getFileName().toString());
                name.getStyleClass().add("wizard-code");
                name.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(w.description());
                what.getStyleClass().add("muted");
                written.addRow(row++, name, what);
            }
            folder.setText(model.written().isEmpty() ? "" : "In " + model.written().get(0).file().getParent());
        };
        model.written().addListener((ListChangeListener<CertificateWriter.Written>) c -> fill.run());
        fill.run();
        TextArea snippet = code("wizard-snippet", model.snippetProperty(), 7);
        TextArea commands = code("wizard-commands", model.commandsProperty(), 4);
        return new VBox(8, section("Files written"), folder, written,
                titledCopy("mosquitto.conf snippet", "wizard-copy-snippet", snippet), snippet,
                titledCopy("The same with skeeter cert", "wizard-copy-commands", commands), commands);
    }

    private static Node titledCopy(String title, String id, TextArea area) {
        Button copy = new Button("Copy");
        copy.setId(id);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(area.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        HBox box = new HBox(10, section(title), copy);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TextArea code(String id, javafx.beans.value.ObservableStringValue text, int rows) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setPrefRowCount(rows);
        area.getStyleClass().add("wizard-code");
        area.textProperty().bind(text);
        return area;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("form-section-title");
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }

    private Node fileRow(String id, StringProperty value, String title, String[] filters) {
        TextField path = text(id, value);
        Button browse = new Button("Browse…");
        browse.setId(id + "-browse");
        browse.setOnAction(e -> files.open(title, filters).ifPresent(p -> value.set(p.toString())));
        return row(path, browse);
    }

    private static HBox row(TextField field, Button button) {
        HBox row = new HBox(6, field, button);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static TextField days(String id, StringProperty value) {
        TextField field = text(id, value);
        field.setMaxWidth(100);
        return field;
    }

    private static PasswordField password(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static ChoiceBox<KeyType> keyTypes(String id, ObjectProperty<KeyType> value) {
        ChoiceBox<KeyType> choice = new ChoiceBox<>();
        choice.setId(id);
        choice.getItems().setAll(KeyType.values());
        choice.valueProperty().bindBidirectional(value);
        return choice;
    }

    /** Label / control rows; answers each row's label so a row can be hidden whole. */
    private static final class Form {
        private final GridPane grid = new GridPane();
        private int row;

        Form() {
            grid.setHgap(12);
            grid.setVgap(6);
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(140);
            labels.setHalignment(HPos.RIGHT);
            ColumnConstraints controls = new ColumnConstraints();
            controls.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().addAll(labels, controls);
        }

        Node add(String label, Node control) {
            Label l = new Label(label);
            l.setLabelFor(control);
            grid.addRow(row++, l, control);
            return l;
        }
    }
}
