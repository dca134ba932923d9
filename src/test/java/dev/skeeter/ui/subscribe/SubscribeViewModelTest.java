package dev.skeeter.ui.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.AppState;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.ManualExecutor;
import dev.skeeter.ui.common.TopicsSeen;
import dev.skeeter.ui.testsupport.PaneFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Subscribe view-model without a toolkit: a manual executor stands in for the FX thread. */
class SubscribeViewModelTest {
    @TempDir
    Path dir;
    private final ManualExecutor fx = new ManualExecutor();
    private final TopicsSeen topicsSeen = new TopicsSeen(100);
    private PaneFixture fixture;
    private Path exportTarget;

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private final Profile offlineProfile = Profile.create("offline", "127.0.0.1", 1);

    private SubscribeViewModel offline() {
        return create(new MqttConnection(offlineProfile), offlineProfile);
    }

    private SubscribeViewModel create(MqttConnection connection, Profile profile) {
        FileChooserService files = new FileChooserService() {
            @Override
            public Optional<Path> open(String title, String... extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> save(String title, String initialName, String... extensions) {
                return Optional.ofNullable(exportTarget);
            }
        };
        return new SubscribeViewModel(connection, profile, topicsSeen, AppStateStore.open(dir.resolve("state.json")),
                fx, Runnable::run, files, Duration.ZERO);
    }

    private void pumpUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().pollInterval(Duration.ofMillis(5)).until(() -> {
            fx.runAll();
            return condition.getAsBoolean();
        });
    }

    private static long total(SubscribeViewModel vm) {
        return vm.shownProperty().get() + vm.trimmedProperty().get() + vm.droppedProperty().get()
                + vm.skippedWhilePausedProperty().get() + vm.mutedProperty().get() + vm.clearedProperty().get();
    }

    @Test
    void anInvalidFilterIsRefusedInTheForm() {
        SubscribeViewModel vm = offline();
        vm.filterTextProperty().set("sensors/#/temp");
        assertThat(vm.addSubscription()).isFalse();
        assertThat(vm.filterErrorProperty().get()).contains("#");
        assertThat(vm.subscriptions()).isEmpty();
        vm.filterTextProperty().set("sensors/+/temp");
        assertThat(vm.filterErrorProperty().get()).isEmpty();
    }

    @Test
    void messagesFromTheBrokerShowWithTheirSubscriptionFlagsAndCounts() throws Exception {
        fixture = PaneFixture.start();
        Profile profile = fixture.profile("sub");
        MqttConnection connection = fixture.connect(profile);
        SubscribeViewModel vm = create(connection, profile);
        fixture.broker().publish("home/hall", "retained".getBytes(StandardCharsets.UTF_8), 0, true);

        vm.filterTextProperty().set("home/#");
        vm.filterQosProperty().set(1);
        assertThat(vm.addSubscription()).isTrue();
        SubscriptionItem item = vm.subscriptions().get(0);
        pumpUntil(() -> item.statusProperty().get().equals("QoS 1 granted"));

        MqttConnection publisher = fixture.connect(fixture.profile("pub"));
        publisher.publish("home/kitchen", "21.5".getBytes(StandardCharsets.UTF_8), 1, false).get(5, TimeUnit.SECONDS);
        publisher.publish("elsewhere", new byte[] {1}, 0, false).get(5, TimeUnit.SECONDS);
        pumpUntil(() -> vm.table().rows().size() == 2);

        MessageRow retained = vm.table().rows().get(0);
        assertThat(retained.topic()).isEqualTo("home/hall");
        assertThat(retained.message().retained()).isTrue();
        MessageRow live = vm.table().rows().get(1);
        assertThat(live.topic()).isEqualTo("home/kitchen");
        assertThat(live.message().qos()).isEqualTo(1);
        assertThat(live.preview()).isEqualTo("21.5");
        assertThat(live.subscription()).isSameAs(item);
        assertThat(item.colourProperty().get()).isEqualTo(SubscriptionList.PALETTE.get(0));
        assertThat(item.countProperty().get()).isEqualTo(2);
        assertThat(vm.receivedProperty().get()).isEqualTo(2);

        vm.unsubscribe(item);
        assertThat(vm.subscriptions()).isEmpty();
    }

    @Test
    void pausedMessagesAreCountedButNotShown() {
        SubscribeViewModel vm = offline();
        vm.onMessage(Messages.text("a", "1"));
        fx.runAll();
        vm.pausedProperty().set(true);
        vm.onMessage(Messages.text("a", "2"));
        vm.onMessage(Messages.text("a", "3"));
        fx.runAll();
        assertThat(vm.table().rows()).hasSize(1);
        assertThat(vm.receivedProperty().get()).isEqualTo(3);
        assertThat(vm.skippedWhilePausedProperty().get()).isEqualTo(2);

        vm.pausedProperty().set(false);
        vm.onMessage(Messages.text("a", "4"));
        fx.runAll();
        assertThat(vm.table().rows()).extracting(MessageRow::preview).containsExactly("1", "4");
        assertThat(total(vm)).isEqualTo(vm.receivedProperty().get());
    }

    @Test
    void rowsQueuedBeforePauseDoNotMoveThePausedTable() {
        SubscribeViewModel vm = offline();
        vm.onMessage(Messages.text("a", "1")); // queued, not yet drained
        vm.pausedProperty().set(true);
        fx.runAll();
        assertThat(vm.table().rows()).isEmpty();
        assertThat(vm.skippedWhilePausedProperty().get()).isEqualTo(1);
    }

    @Test
    void trimmingKeepsTheNewestAndTheCountsAddUp() {
        SubscribeViewModel vm = offline();
        vm.table().maxRowsProperty().set(5);
        for (int i = 0; i < 23; i++) {
            vm.onMessage(Messages.text("t/" + i, "p" + i));
        }
        fx.runAll();
        assertThat(vm.shownProperty().get()).isEqualTo(5);
        assertThat(vm.trimmedProperty().get()).isEqualTo(18);
        assertThat(vm.table().rows().get(4).topic()).isEqualTo("t/22");
        assertThat(total(vm)).isEqualTo(23);
        assertThat(AppStateStore.open(dir.resolve("state.json")).state().messageTableRowLimit()).isEqualTo(5);
    }

    @Test
    void clearEmptiesTheTableAndTheTotalsStillAddUp() {
        SubscribeViewModel vm = offline();
        vm.onMessage(Messages.text("a", "1"));
        vm.onMessage(Messages.text("a", "2"));
        fx.runAll();
        vm.onMessage(Messages.text("a", "3"));
        vm.clear();
        fx.runAll();
        assertThat(vm.table().rows()).isEmpty();
        assertThat(vm.clearedProperty().get()).isEqualTo(3);
        assertThat(total(vm)).isEqualTo(3);
    }

    @Test
    void mutedSubscriptionsAreCountedButHidden() throws Exception {
        SubscribeViewModel vm = offline();
        vm.filterTextProperty().set("quiet/#");
        vm.addSubscription();
        fx.runAll();
        SubscriptionItem quiet = vm.subscriptions().get(0);
        quiet.mutedProperty().set(true);
        vm.onMessage(Messages.text("quiet/x", "1", "quiet/#"));
        vm.onMessage(Messages.text("loud", "2"));
        fx.runAll();
        assertThat(vm.table().rows()).extracting(MessageRow::topic).containsExactly("loud");
        assertThat(quiet.countProperty().get()).isEqualTo(1);
        assertThat(vm.mutedProperty().get()).isEqualTo(1);
    }

    @Test
    void thePaneTakesTheFiltersTheConnectionMatchedWithoutMatchingAgain() {
        SubscribeViewModel vm = offline();
        vm.filterTextProperty().set("a/#");
        vm.addSubscription();
        fx.runAll();
        SubscriptionItem item = vm.subscriptions().get(0);
        // Neither filter list agrees with MQTT's rules for these topics: only a pane matching again would notice.
        vm.onMessage(Messages.text("elsewhere", "1", "a/#"));
        vm.onMessage(Messages.text("a/b", "2"));
        fx.runAll();
        assertThat(vm.table().rows()).extracting(MessageRow::topic).containsExactly("elsewhere", "a/b");
        assertThat(vm.table().rows().get(0).subscription()).isSameAs(item);
        assertThat(vm.table().rows().get(1).subscription()).isNull();
        assertThat(item.countProperty().get()).isEqualTo(1);
    }

    @Test
    void theOnlyDropCounterIsThePanesQueue() {
        SubscribeViewModel vm = offline(); // the FX executor runs only when the test says: the queue fills up
        for (int i = 0; i < SubscribeViewModel.QUEUE_CAPACITY + 3; i++) {
            vm.onMessage(Messages.text("t", "x"));
        }
        fx.runAll();
        assertThat(vm.droppedProperty().get()).isEqualTo(3);
        assertThat(vm.shownProperty().get() + vm.trimmedProperty().get()).isEqualTo(SubscribeViewModel.QUEUE_CAPACITY);
        assertThat(total(vm)).isEqualTo(vm.receivedProperty().get());
    }

    @Test
    void searchFiltersTheShownRows() {
        SubscribeViewModel vm = offline();
        vm.onMessage(Messages.text("kitchen/temp", "21"));
        vm.onMessage(Messages.text("hall/temp", "alarm"));
        fx.runAll();
        vm.searchTextProperty().set("alarm");
        assertThat(vm.table().visibleRows()).extracting(MessageRow::topic).containsExactly("hall/temp");
        vm.searchScopeProperty().set(MessageSearch.Scope.TOPIC);
        assertThat(vm.table().visibleRows()).isEmpty();
        vm.searchTextProperty().set("");
        assertThat(vm.table().visibleRows()).hasSize(2);
    }

    @Test
    void aMessageMatchedOnlyByAnotherTabsSubscriptionIsNotThisPanes() {
        SubscribeViewModel vm = offline();
        vm.onMessage(Messages.text("$SYS/broker/uptime", "5 seconds", "$SYS/#"));
        vm.onMessage(Messages.text("queued/by/session", "x"));
        fx.runAll();
        assertThat(vm.table().visibleRows()).extracting(MessageRow::topic).containsExactly("queued/by/session");
        assertThat(vm.receivedProperty().get()).isEqualTo(1);
    }

    @Test
    void exportWritesWhatTheTableShowsAsJsonLinesAndCsv() throws Exception {
        SubscribeViewModel vm = offline();
        vm.filterTextProperty().set("a/#"); // the pane's own subscription: a message matched by another's is not shown
        assertThat(vm.addSubscription()).isTrue();
        vm.onMessage(Messages.text("a/b", "hello, \"world\"", "a/#"));
        vm.onMessage(Messages.bytes("bin", new byte[] {0, (byte) 0xff}, true));
        fx.runAll();

        exportTarget = dir.resolve("out.jsonl");
        vm.exportShown(ExportFormat.JSON_LINES);
        fx.runAll();
        List<String> lines = Files.readAllLines(exportTarget);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"topic\":\"a/b\"").contains("\"payload\":\"hello, \\\"world\\\"\"")
                .contains("\"subscriptions\":[\"a/#\"]");
        assertThat(lines.get(1)).contains("\"encoding\":\"base64\"").contains("\"payload\":\"AP8=\"")
                .contains("\"retained\":true");
        assertThat(vm.statusProperty().get()).contains("Exported 2 messages");

        exportTarget = dir.resolve("out.csv");
        vm.export(List.of(vm.table().rows().get(0)), ExportFormat.CSV);
        List<String> csv = Files.readAllLines(exportTarget);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).isEqualTo(MessageExporter.CSV_HEADER);
        assertThat(csv.get(1)).contains(",a/b,1,false,false,14,a/#,\"hello, \"\"world\"\"\"");
    }

    @Test
    void aChangedColourMarksTheRowsAndIsRememberedForTheFilter() {
        SubscribeViewModel vm = offline();
        vm.filterTextProperty().set("a/#");
        vm.addSubscription();
        SubscriptionItem item = vm.subscriptions().get(0);
        item.colourProperty().set("#123456");
        vm.onMessage(Messages.text("a/b", "1", "a/#"));
        fx.runAll();
        assertThat(vm.table().rows().get(0).subscription().colourProperty().get()).isEqualTo("#123456");

        vm.unsubscribe(item);
        SubscribeViewModel again = offline();
        again.filterTextProperty().set("a/#");
        again.addSubscription();
        assertThat(again.subscriptions().get(0).colourProperty().get()).isEqualTo("#123456");
    }

    @Test
    void subscriptionsAreRememberedPerProfileAndSentAgainAfterADisconnect() throws Exception {
        fixture = PaneFixture.start();
        Profile profile = fixture.profile("kept");
        MqttConnection connection = new MqttConnection(profile);
        try {
            SubscribeViewModel vm = create(connection, profile);
            vm.filterTextProperty().set("kept/#");
            vm.filterQosProperty().set(1);
            vm.addSubscription();
            vm.subscriptions().get(0).mutedProperty().set(true);
            assertThat(AppStateStore.open(dir.resolve("state.json")).state().subscriptions(profile.id()))
                    .containsExactly(new AppState.SavedSubscription("kept/#", 1,
                            vm.subscriptions().get(0).colourProperty().get(), true));
            vm.dispose(); // one pane per connection, as in a workspace

            SubscribeViewModel reopened = create(connection, profile);
            assertThat(reopened.subscriptions()).singleElement().satisfies(item -> {
                assertThat(item.filter()).isEqualTo("kept/#");
                assertThat(item.qos()).isEqualTo(1);
                assertThat(item.mutedProperty().get()).isTrue();
            });

            connection.connect();
            SubscriptionItem item = reopened.subscriptions().get(0);
            pumpUntil(() -> item.statusProperty().get().equals("QoS 1 granted"));
            connection.disconnect();
            pumpUntil(() -> item.statusProperty().get().equals(SubscriptionList.ON_CONNECT));
            connection.connect();
            pumpUntil(() -> item.statusProperty().get().equals("QoS 1 granted"));
            assertThat(connection.activeSubscriptions()).containsKey("kept/#");
        } finally {
            connection.close();
        }
    }

    @Test
    void aSubscriptionMadeWhileDisconnectedIsSentOnConnect() throws Exception {
        fixture = PaneFixture.start();
        Profile profile = fixture.profile("late");
        MqttConnection connection = new MqttConnection(profile);
        SubscribeViewModel vm = create(connection, profile);
        vm.filterTextProperty().set("late/#");
        vm.addSubscription();
        SubscriptionItem item = vm.subscriptions().get(0);
        assertThat(item.statusProperty().get()).isEqualTo(SubscriptionList.ON_CONNECT);

        try {
            connection.connect();
            pumpUntil(() -> item.statusProperty().get().equals("QoS 0 granted"));
            fixture.broker().publish("late/x", new byte[] {1}, 0, false);
            pumpUntil(() -> vm.table().rows().size() == 1);
        } finally {
            connection.close();
        }
    }
}
