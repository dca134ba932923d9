package dev.skeeter.ui;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.localbroker.LocalBrokerConnector;
import dev.skeeter.ui.localbroker.LocalBrokerView;
import dev.skeeter.ui.localbroker.LocalBrokerViewModel;
import dev.skeeter.ui.profiles.ConnectionTester;
import dev.skeeter.ui.profiles.ProfileFormViewModel;
import dev.skeeter.ui.profiles.ProfilesEditorView;
import dev.skeeter.ui.profiles.ProfilesEditorViewModel;
import dev.skeeter.ui.theme.ThemeManager;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** Opens the main window's secondary windows and dialogs, one instance each. FX thread only. */
public final class Windows {
    private final Stage owner;
    private final MainViewModel model;
    private final LocalBrokerViewModel localBroker;
    private final AppServices services;
    private final ThemeManager themes;
    private Stage profilesStage;
    private ProfilesEditorViewModel profilesModel;
    private Stage localBrokerStage;
    private final CertificateTools certificates;

    Windows(Stage owner, MainViewModel model, LocalBrokerViewModel localBroker, AppServices services,
            ThemeManager themes) {
        this.owner = owner;
        this.model = model;
        this.localBroker = localBroker;
        this.services = services;
        this.themes = themes;
        this.certificates = new CertificateTools(model, services, (title, root) -> stage(title, root, 900, 680));
    }

    /** Ctrl+N: the profiles editor with a new profile selected. */
    public void newProfile() {
        showProfiles();
        profilesModel.add();
    }

    public void showProfiles() {
        if (profilesStage == null) {
            ProfileFormViewModel form = new ProfileFormViewModel(services.certificateDescriber(), Platform::runLater,
                    services.background());
            profilesModel = new ProfilesEditorViewModel(model.profilesModel(), form,
                    new ConnectionTester(services.connections(),
                            new LocalBrokerConnector(services.localBroker(), services.background()),
                            services.background()), Platform::runLater);
            profilesStage = stage("Connection profiles", new ProfilesEditorView(profilesModel, services.files(), certificates)
                    .root(), 980, 640);
        }
        // the profile of the workspace in front, else the one selected in the list
        Profile selected = model.currentProperty().get() != null ? model.currentProperty().get().profile()
                : model.selectedProfileProperty().get();
        if (selected != null) {
            profilesModel.select(selected.id());
        }
        profilesStage.show();
        profilesStage.toFront();
    }

    public void showLocalBroker() {
        if (localBrokerStage == null) {
            localBrokerStage = stage("Local broker", new LocalBrokerView(localBroker, services.files()).root(),
                    820, 600);
        }
        localBrokerStage.show();
        localBrokerStage.toFront();
    }

    /** Tools → Certificate wizard. */
    public void showCertificateWizard() {
        certificates.openWizard();
    }

    /** Tools → Inspect certificate. */
    public void showInspectCertificate() {
        certificates.inspect(null);
    }

    public void showShortcuts() {
        ShortcutsDialog.show(owner, themes);
    }

    public void showAbout() {
        AboutDialog.show(owner, themes, services.openLink());
    }

    /** Asks the password of a profile that does not keep it; null when cancelled. */
    char[] askPassword(Profile profile) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Password");
        dialog.setHeaderText("Password for " + profile.credentials().username() + " on " + profile.name());
        PasswordField field = new PasswordField();
        field.setId("password-prompt");
        dialog.getDialogPane().setContent(new VBox(6, new Label("Password"), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        themes.register(dialog.getDialogPane());
        Platform.runLater(field::requestFocus);
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> field.getText().toCharArray())
                .orElse(null);
    }

    private Stage stage(String title, javafx.scene.Node content, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene((Parent) content, Math.min(width, screen.getWidth()),
                Math.min(height, screen.getHeight()));
        themes.register(scene);
        stage.setScene(scene);
        return stage;
    }
}
