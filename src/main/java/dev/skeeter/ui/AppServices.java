package dev.skeeter.ui;

import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.connection.ConnectionFactory;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the main window is built from; the app passes real services, tests pass their own (temporary config dir,
 * a file chooser that answers without a dialog).
 *
 * @param certificateDescriber one-line summary of a certificate/key file (the client core's CertificateFiles)
 * @param openLink             opens a web link (HostServices in the app)
 */
public record AppServices(
        ProfileStore profileStore,
        AppStateStore stateStore,
        LocalBrokerService localBroker,
        ConnectionFactory connections,
        Function<Path, String> certificateDescriber,
        FileChooserService files,
        ExecutorService background,
        WorkspacePanes panes,
        Consumer<String> openLink) {
}
