package dev.skeeter.ui;

import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.publish.PublishView;
import dev.skeeter.ui.publish.PublishViewModel;
import dev.skeeter.ui.status.StatusBoard;
import dev.skeeter.ui.status.StatusTab;
import dev.skeeter.ui.subscribe.SubscribeView;
import dev.skeeter.ui.subscribe.SubscribeViewModel;
import dev.skeeter.ui.topics.TopicDetailViewModel;
import dev.skeeter.ui.topics.TopicsView;
import dev.skeeter.ui.topics.TopicsViewModel;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Tab;

/** The Publish and Subscribe panes (issue 7) plugged into every workspace. */
public final class Panes {
    private Panes() {
    }

    /**
     * Publish and Subscribe tabs over the workspace's connection and its one {@code TopicsSeen}. The panes batch
     * their own hand-over to the FX thread (the connection's listeners run on the connection's thread).
     */
    public static WorkspacePanes standard(AppStateStore state, FileChooserService files, Executor background) {
        StatusBoard board = new StatusBoard();
        return workspace -> {
            Executor fx = Platform::runLater;
            PublishViewModel publish = new PublishViewModel(workspace.connection(), workspace.profile(),
                    workspace.topicsSeen(), state, fx, background, files);
            SubscribeViewModel subscribe = new SubscribeViewModel(workspace.connection(), workspace.profile(),
                    workspace.topicsSeen(), state, fx, background, files);
            Tab publishTab = new Tab("Publish", new PublishView(publish).root());
            publishTab.setId("tab-publish");
            Tab subscribeTab = new Tab("Subscribe", new SubscribeView(subscribe).root());
            subscribeTab.setId("tab-subscribe");
            publishTab.setClosable(false);
            subscribeTab.setClosable(false);
            StatusTab status = new StatusTab(workspace.connection(), workspace::title, board, files, background);
            TopicsViewModel topics = new TopicsViewModel(workspace.connection(), fx, background);
            Tab topicsTab = new Tab("Topics",
                    TopicsView.withDetail(topics, new TopicDetailViewModel(topics), background).root());
            topicsTab.setId("tab-topics");
            topicsTab.setClosable(false);
            return new WorkspacePanes.Created(List.of(publishTab, subscribeTab, topicsTab, status.tab()), () -> {
                subscribe.dispose();
                topics.dispose();
                status.dispose();
            });
        };
    }
}
