package dev.skeeter.ui.profiles;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FileChooserService;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;

/** The profile form in sections (General, Credentials, TLS, Last Will, Proxy, Advanced). FX thread only. */
final class ProfileFormView {
    private static final String[] CERT_FILTERS = {"*.pem", "*.crt", "*.cer", "*.key"};
    private static final String[] STORE_FILTERS = {"*.p12", "*.pfx", "*.jks"};

    private final ProfileFormViewModel form;
    private final FileChooserService files;
    private final CertificateLinks links;
    private final TabPane tabs = new TabPane();

    ProfileFormView(ProfileFormViewModel form, FileChooserService files, CertificateLinks links) {
        this.form = form;
        this.files = files;
        this.links = links;
        tabs.setId("profile-sections");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tab("General", general()), tab("Credentials", credentials()), tab("TLS", tls()),
                tab("Last Will", lastWill()), tab("Proxy", proxy()), tab("Advanced", advanced()));
    }

    Node root() {
        return tabs;
    }

    private Tab tab(String title, FormSection section) {
        ScrollPane scroll = new ScrollPane(section.root());
        scroll.setFitToWidth(true);
        Tab tab = new Tab(title, scroll);
        tab.setId("section-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        Circle mark = new Circle(4);
        mark.getStyleClass().addAll("status-dot", "failed");
        BooleanBinding errors = section.hasErrors();
        mark.visibleProperty().bind(errors);
        tab.setGraphic(mark);
        return tab;
    }

    private FormSection general() {
        FormSection s = new FormSection();
        TextField name = text("profile-name", form.name);
        s.add("Name", name, name, ProfileField.NAME, form.errorProperty(ProfileField.NAME));
        TextField host = text("profile-host", form.host);
        host.disableProperty().bind(form.localBrokerProperty());
        s.add("Host", host, host, ProfileField.HOST, form.errorProperty(ProfileField.HOST));
        TextField port = text("profile-port", form.port);
        port.setPrefColumnCount(6);
        port.setMaxWidth(120);
        s.add("Port", port, port, ProfileField.PORT, form.errorProperty(ProfileField.PORT));
        ChoiceBox<Profile.Transport> transport = choice("profile-transport", Profile.Transport.values());
        transport.valueProperty().bindBidirectional(form.transport);
        transport.setConverter(converter(t -> switch (t) {
            case TCP -> "TCP";
            case TLS -> "TLS";
            case WEBSOCKET -> "WebSocket";
            case SECURE_WEBSOCKET -> "Secure WebSocket";
        } + " (" + dev.skeeter.ui.connection.BrokerAddress.scheme(t) + "://)"));
        s.add("Transport", transport);
        TextField wsPath = text("profile-ws-path", form.webSocketPath);
        wsPath.disableProperty().bind(form.transport.isEqualTo(Profile.Transport.TCP)
                .or(form.transport.isEqualTo(Profile.Transport.TLS)));
        s.add("WebSocket path", wsPath, wsPath, ProfileField.WEBSOCKET_PATH,
                form.errorProperty(ProfileField.WEBSOCKET_PATH));
        ChoiceBox<Profile.MqttVersion> version = choice("profile-version", Profile.MqttVersion.values());
        version.valueProperty().bindBidirectional(form.version);
        version.setConverter(converter(v -> "MQTT " + v.label()));
        s.add("Protocol", version);
        TextField clientId = text("profile-client-id", form.clientId);
        clientId.setPromptText("empty: a random skeeter-… id per connection");
        Button generate = new Button("Generate");
        generate.setId("generate-client-id");
        generate.setOnAction(e -> form.generateClientId());
        HBox idRow = new HBox(6, clientId, generate);
        HBox.setHgrow(clientId, Priority.ALWAYS);
        s.add("Client id", idRow, clientId, ProfileField.CLIENT_ID, form.errorProperty(ProfileField.CLIENT_ID));
        s.add("", check("profile-clean-session", "Clean session", form.cleanSession));
        s.add("", check("profile-auto-reconnect", "Reconnect automatically", form.autoReconnect));
        return s;
    }

    private FormSection credentials() {
        FormSection s = new FormSection();
        TextField user = text("profile-username", form.username);
        s.add("User name", user, user, ProfileField.USERNAME, form.errorProperty(ProfileField.USERNAME));
        PasswordField password = password("profile-password", form.password);
        password.disableProperty().bind(form.savePassword.not());
        s.add("Password", password);
        s.add("", check("profile-save-password", "Save the password (otherwise asked at connect)",
                form.savePassword));
        return s;
    }

    private FormSection tls() {
        FormSection s = new FormSection();
        Label note = new Label("Used by the TLS and Secure WebSocket transports.");
        note.getStyleClass().add("muted");
        s.add("", note);
        javafx.scene.control.Hyperlink wizard = new javafx.scene.control.Hyperlink(
                "No certificates yet? Create a CA, server and client certificates with the wizard…");
        wizard.setId("profile-open-wizard");
        wizard.setOnAction(e -> links.openWizard());
        s.add("", wizard);
        ChoiceBox<Profile.TrustSource> trust = choice("profile-trust", Profile.TrustSource.values());
        trust.valueProperty().bindBidirectional(form.trust);
        trust.setConverter(converter(t -> switch (t) {
            case SYSTEM -> "The system's CA certificates";
            case CA_FILE -> "A CA certificate file (PEM)";
            case TRUST_STORE -> "A trust store (PKCS#12/JKS)";
        }));
        s.add("Trust", trust);
        fileRow(s, "CA file", "profile-ca-file", form.caFile, form.caSummaryProperty(), ProfileField.CA_FILE,
                CERT_FILTERS).disableProperty().bind(form.trust.isNotEqualTo(Profile.TrustSource.CA_FILE));
        var trustStore = form.trust.isNotEqualTo(Profile.TrustSource.TRUST_STORE);
        fileRow(s, "Trust store", "profile-trust-store", form.trustStoreFile, null, ProfileField.TRUST_STORE_FILE,
                STORE_FILTERS).disableProperty().bind(trustStore);
        PasswordField storePassword = password("profile-trust-store-password", form.trustStorePassword);
        storePassword.disableProperty().bind(trustStore);
        s.add("Store password", storePassword);
        ChoiceBox<Profile.ClientIdentity> identity = choice("profile-identity", Profile.ClientIdentity.values());
        identity.valueProperty().bindBidirectional(form.identity);
        identity.setConverter(converter(i -> switch (i) {
            case NONE -> "None";
            case PEM -> "Certificate and key (PEM)";
            case KEY_STORE -> "Key store (PKCS#12/JKS)";
        }));
        s.add("Client identity", identity);
        var pem = form.identity.isNotEqualTo(Profile.ClientIdentity.PEM);
        var keyStore = form.identity.isNotEqualTo(Profile.ClientIdentity.KEY_STORE);
        fileRow(s, "Certificate", "profile-cert-file", form.certificateFile, form.certificateSummaryProperty(),
                ProfileField.CERTIFICATE_FILE, CERT_FILTERS).disableProperty().bind(pem);
        fileRow(s, "Private key", "profile-key-file", form.keyFile, form.keySummaryProperty(), ProfileField.KEY_FILE,
                CERT_FILTERS).disableProperty().bind(pem);
        PasswordField passphrase = password("profile-key-passphrase", form.keyPassphrase);
        passphrase.disableProperty().bind(pem);
        s.add("Key passphrase", passphrase);
        fileRow(s, "Key store", "profile-key-store", form.keyStoreFile, null, ProfileField.KEY_STORE_FILE,
                STORE_FILTERS).disableProperty().bind(keyStore);
        PasswordField keyStorePassword = password("profile-key-store-password", form.keyStorePassword);
        keyStorePassword.disableProperty().bind(keyStore);
        s.add("Key store password", keyStorePassword);
        ChoiceBox<String> version = new ChoiceBox<>();
        version.setId("profile-tls-version");
        version.getItems().setAll("TLSv1.3", "TLSv1.2");
        version.valueProperty().bindBidirectional(form.tlsVersion);
        s.add("TLS version", version);
        s.add("", check("profile-verify-hostname", "Verify the server's host name", form.verifyHostname));
        return s;
    }

    private FormSection lastWill() {
        FormSection s = new FormSection();
        TextField topic = text("profile-will-topic", form.willTopic);
        topic.setPromptText("empty: no last will");
        s.add("Topic", topic, topic, ProfileField.WILL_TOPIC, form.errorProperty(ProfileField.WILL_TOPIC));
        ChoiceBox<Integer> qos = new ChoiceBox<>();
        qos.setId("profile-will-qos");
        qos.getItems().setAll(0, 1, 2);
        qos.valueProperty().bindBidirectional(form.willQos);
        s.add("QoS", qos);
        s.add("", check("profile-will-retain", "Retain", form.willRetain));
        TextArea payload = new TextArea();
        payload.setId("profile-will-payload");
        payload.setPrefRowCount(4);
        payload.textProperty().bindBidirectional(form.willPayload);
        s.add("Payload", payload);
        return s;
    }

    private FormSection proxy() {
        FormSection s = new FormSection();
        TextField host = text("profile-proxy-host", form.proxyHost);
        host.setPromptText("empty: connect directly");
        s.add("SOCKS5 host", host, host, ProfileField.PROXY_HOST, form.errorProperty(ProfileField.PROXY_HOST));
        TextField port = text("profile-proxy-port", form.proxyPort);
        port.setMaxWidth(120);
        s.add("Port", port, port, ProfileField.PROXY_PORT, form.errorProperty(ProfileField.PROXY_PORT));
        s.add("User name", text("profile-proxy-username", form.proxyUsername));
        s.add("Password", password("profile-proxy-password", form.proxyPassword));
        return s;
    }

    private FormSection advanced() {
        FormSection s = new FormSection();
        TextField keepAlive = text("profile-keep-alive", form.keepAlive);
        keepAlive.setMaxWidth(120);
        s.add("Keep alive (s)", keepAlive, keepAlive, ProfileField.KEEP_ALIVE,
                form.errorProperty(ProfileField.KEEP_ALIVE));
        TextField timeout = text("profile-connect-timeout", form.connectTimeout);
        timeout.setMaxWidth(120);
        s.add("Connect timeout (s)", timeout, timeout, ProfileField.CONNECT_TIMEOUT,
                form.errorProperty(ProfileField.CONNECT_TIMEOUT));
        return s;
    }

    /** A path field with Browse… and, for PEM files, the summary line; answers the row to enable/disable. */
    private HBox fileRow(FormSection s, String label, String id, StringProperty value,
            ReadOnlyStringProperty summary, ProfileField field, String[] filters) {
        TextField path = text(id, value);
        Button browse = new Button("Browse…");
        browse.setId(id + "-browse");
        browse.setOnAction(e -> files.open("Choose " + label.toLowerCase(java.util.Locale.ROOT), filters)
                .ifPresent(p -> value.set(p.toString())));
        javafx.scene.control.Hyperlink inspect = new javafx.scene.control.Hyperlink("Inspect");
        inspect.setId(id + "-inspect");
        inspect.disableProperty().bind(value.isEmpty());
        inspect.setOnAction(e -> links.inspect(java.nio.file.Path.of(value.get().trim())));
        HBox row = new HBox(6, path, browse, inspect);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, Priority.ALWAYS);
        s.add(label, row, path, field, form.errorProperty(field));
        if (summary != null) {
            Label line = new Label();
            line.setId(id + "-summary");
            line.getStyleClass().add("file-summary");
            line.textProperty().bind(summary);
            line.setWrapText(true);
            line.managedProperty().bind(summary.isNotEmpty());
            s.note(line);
        }
        return row;
    }

    private static TextField text(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static PasswordField password(String id, StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static CheckBox check(String id, String text, javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    @SafeVarargs
    private static <T> ChoiceBox<T> choice(String id, T... values) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
