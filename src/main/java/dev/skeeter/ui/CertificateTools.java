package dev.skeeter.ui;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.certs.CertificateWizardView;
import dev.skeeter.ui.certs.CertificateWizardViewModel;
import dev.skeeter.ui.certs.InspectCertificateView;
import dev.skeeter.ui.certs.InspectCertificateViewModel;
import dev.skeeter.ui.certs.MutualTlsSetup;
import dev.skeeter.ui.connection.WorkspaceViewModel;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.profiles.CertificateLinks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.stage.Stage;

/**
 * Tools → Certificate wizard and Tools → Inspect certificate, one window each, and the wizard's way into the main
 * window: the Local broker profile's port, and opening and connecting the mutual-TLS profile. FX thread only.
 */
final class CertificateTools implements CertificateLinks, CertificateWizardViewModel.Host {
    /** Where the wizard proposes to write, in the user's home so the files are easy to find and to give away. */
    static final String DEFAULT_FOLDER = "skeeter-certs";

    private final MainViewModel model;
    private final AppServices services;
    private final BiFunction<String, Parent, Stage> stages;
    private Stage wizardStage;
    private Stage inspectStage;
    private InspectCertificateViewModel inspect;

    /** @param stages makes a themed window owned by the main one from a title and content */
    CertificateTools(MainViewModel model, AppServices services, BiFunction<String, Parent, Stage> stages) {
        this.model = model;
        this.services = services;
        this.stages = stages;
    }

    /** A new wizard each time: it starts from the defaults, and a finished one is not reopened at its end. */
    @Override
    public void openWizard() {
        if (wizardStage != null && wizardStage.isShowing()) {
            wizardStage.toFront();
            return;
        }
        Path folder = Path.of(System.getProperty("user.home"), DEFAULT_FOLDER);
        CertificateWizardViewModel wizard = new CertificateWizardViewModel(folder, Platform::runLater,
                services.background(), new MutualTlsSetup(services.localBroker(), services.background()), this);
        Stage[] stage = new Stage[1];
        CertificateWizardView view = new CertificateWizardView(wizard, services.files(), () -> stage[0].close());
        stage[0] = stages.apply("Certificate wizard", view.root());
        wizardStage = stage[0];
        wizardStage.show();
        wizardStage.toFront();
    }

    /** Inspect certificate, on {@code file} when not null. */
    @Override
    public void inspect(Path file) {
        if (inspectStage == null) {
            inspect = new InspectCertificateViewModel(Platform::runLater, services.background(),
                    Clock.systemUTC());
            inspectStage = stages.apply("Inspect certificate",
                    new InspectCertificateView(inspect, services.files()).root());
        }
        if (file != null) {
            inspect.inspect(file);
        }
        inspectStage.show();
        inspectStage.toFront();
    }

    @Override
    public int localBrokerPort() {
        return model.profilesModel().find(Profile.LOCAL_BROKER_ID).map(Profile::port)
                .orElse(LocalBrokerService.DEFAULT_PORT);
    }

    @Override
    public Optional<Profile> findProfile(String id) {
        return model.profilesModel().find(id);
    }

    @Override
    public ObservableValue<ConnectionState> openAndConnect(Profile profile) {
        model.profilesModel().put(profile);
        WorkspaceViewModel workspace = model.open(profile);
        workspace.applyProfile(profile);
        workspace.connect();
        return workspace.stateProperty();
    }
}
