package dev.skeeter.ui;

import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.publish.PublishView;
import dev.skeeter.ui.publish.PublishViewModel;
import dev.skeeter.ui.subscribe.SubscribeView;
import dev.skeeter.ui.subscribe.SubscribeViewModel;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Tab;

/** The feature panes plugged into every workspace: Publish and Subscribe. */
final class Panes {
    private Panes() {
    }

    /**
     * Publish and Subscribe tabs over the workspace's connection. The panes batch their own hand-over to the FX
     * thread, so the connection's listeners should run on a non-FX thread ({@code ConnectionFactory.standard()}).
     */
    static WorkspacePanes standard(AppStateStore state, FileChooserService files, Executor background) {
        return workspace -> {
            var publishVm = new PublishViewModel(workspace.connection(), workspace.profile(), state,
                    Platform::runLater, background, files);
            var subscribeVm = new SubscribeViewModel(workspace.connection(), workspace.profile(), state,
                    Platform::runLater, background, files);
            Tab publish = new Tab("Publish", new PublishView(publishVm).root());
            publish.setId("tab-publish");
            Tab subscribe = new Tab("Subscribe", new SubscribeView(subscribeVm).root());
            subscribe.setId("tab-subscribe");
            publish.setClosable(false);
            subscribe.setClosable(false);
            return List.of(publish, subscribe);
        };
    }
}
