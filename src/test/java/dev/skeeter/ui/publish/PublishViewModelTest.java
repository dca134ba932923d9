package dev.skeeter.ui.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.client.payload.PayloadFormat;
import dev.skeeter.profiles.AppStateStore;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.common.FileChooserService;
import dev.skeeter.ui.common.ManualExecutor;
import dev.skeeter.ui.common.TopicsSeen;
import dev.skeeter.ui.testsupport.PaneFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Publish view-model without a toolkit: a manual executor stands in for the FX thread. */
class PublishViewModelTest {
    @TempDir
    Path dir;
    private final ManualExecutor fx = new ManualExecutor();
    private final TopicsSeen topicsSeen = new TopicsSeen(100);
    private PaneFixture fixture;
    private Path fileToOpen;

    @AfterEach
    void tearDown() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private PublishViewModel create(MqttConnection connection, Profile profile) {
        FileChooserService files = new FileChooserService() {
            @Override
            public Optional<Path> open(String title, String... extensions) {
                return Optional.ofNullable(fileToOpen);
            }

            @Override
            public Optional<Path> save(String title, String initialName, String... extensions) {
                return Optional.empty();
            }
        };
        return new PublishViewModel(connection, profile, topicsSeen, AppStateStore.open(dir.resolve("state.json")),
                fx, Runnable::run, files);
    }

    private final Profile offlineProfile = Profile.create("offline", "127.0.0.1", 1);

    private PublishViewModel offline() {
        return create(new MqttConnection(offlineProfile), offlineProfile);
    }

    @Test
    void aWildcardTopicIsRefusedBeforeTheBroker() {
        PublishViewModel vm = offline();
        vm.topicProperty().set("sensors/+/temp");
        assertThat(vm.topicErrorProperty().get()).contains("wildcards");
        assertThat(vm.publish()).isFalse();
        assertThat(vm.published()).isEmpty();
    }

    @Test
    void publishingSendsTheMessageAndListsTheResult() throws Exception {
        fixture = PaneFixture.start();
        Profile profile = fixture.profile("pub");
        MqttConnection connection = fixture.connect(profile);
        MqttConnection subscriber = fixture.connect(fixture.profile("sub"));
        List<ReceivedMessage> received = new CopyOnWriteArrayList<>();
        subscriber.addListener(new ConnectionListener() {
            @Override
            public void messageArrived(ReceivedMessage message) {
                received.add(message);
            }
        });
        subscriber.subscribe(List.of(new SubscriptionRequest("#", 1))).get(5, TimeUnit.SECONDS);
        PublishViewModel vm = create(connection, profile);

        vm.topicProperty().set("lab/out");
        vm.qosProperty().set(1);
        vm.retainProperty().set(true);
        vm.formatProperty().set(PayloadFormat.HEX);
        vm.payloadProperty().set("de ad be ef");
        assertThat(vm.publish()).isTrue();

        PublishedEntry entry = vm.published().get(0);
        assertThat(entry.topic()).isEqualTo("lab/out");
        assertThat(entry.size()).isEqualTo(4);
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> {
            fx.runAll();
            return entry.resultProperty().get().equals("ok") && received.size() == 1;
        });
        assertThat(received.get(0).payload()).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(received.get(0).qos()).isEqualTo(1);
        assertThat(vm.topicHistory()).containsExactly("lab/out");
        assertThat(AppStateStore.open(dir.resolve("state.json")).state().topicHistory(profile.id()))
                .containsExactly("lab/out");
    }

    @Test
    void publishingWhileDisconnectedShowsTheFailureInTheList() {
        PublishViewModel vm = offline();
        vm.topicProperty().set("a");
        assertThat(vm.publish()).isTrue();
        await().atMost(Duration.ofSeconds(5)).pollInSameThread().until(() -> {
            fx.runAll();
            return vm.published().get(0).resultProperty().get().startsWith("failed");
        });
    }

    @Test
    void switchingFormatsReexpressesThePayload() {
        PublishViewModel vm = offline();
        vm.payloadProperty().set("Hi");
        vm.formatProperty().set(PayloadFormat.HEX);
        assertThat(vm.payloadProperty().get()).isEqualTo("48 69");
        vm.formatProperty().set(PayloadFormat.BASE64);
        assertThat(vm.payloadProperty().get()).isEqualTo("SGk=");
        vm.formatProperty().set(PayloadFormat.TEXT);
        assertThat(vm.payloadProperty().get()).isEqualTo("Hi");
    }

    @Test
    void binaryPayloadsStayInTheirFormatInsteadOfBecomingText() {
        PublishViewModel vm = offline();
        vm.formatProperty().set(PayloadFormat.HEX);
        vm.payloadProperty().set("ff 00");
        vm.formatProperty().set(PayloadFormat.TEXT);
        assertThat(vm.formatProperty().get()).isEqualTo(PayloadFormat.HEX);
        assertThat(vm.payloadProperty().get()).isEqualTo("ff 00");
        assertThat(vm.statusProperty().get()).contains("binary");
    }

    @Test
    void invalidJsonBlocksPublishingAndPrettyPrintIndents() {
        PublishViewModel vm = offline();
        vm.topicProperty().set("t");
        vm.formatProperty().set(PayloadFormat.JSON);
        vm.payloadProperty().set("{\"a\":");
        assertThat(vm.payloadErrorProperty().get()).contains("line 1");
        assertThat(vm.formValidProperty().get()).isFalse();
        assertThat(vm.publish()).isFalse();

        vm.payloadProperty().set("{\"a\":[1,2]}");
        assertThat(vm.formValidProperty().get()).isTrue();
        vm.prettyPrint();
        assertThat(vm.payloadProperty().get()).contains("\n  \"a\"");
    }

    @Test
    void savedMessagesPersistPerProfileAndPublishWithOneClick() {
        PublishViewModel vm = offline();
        vm.topicProperty().set("saved/topic");
        vm.formatProperty().set(PayloadFormat.HEX);
        vm.payloadProperty().set("01 02");
        vm.qosProperty().set(2);
        assertThat(vm.saveCurrent("two bytes")).isTrue();
        vm.topicProperty().set("x");
        vm.payloadProperty().set("text:hello");
        vm.formatProperty().set(PayloadFormat.TEXT);
        assertThat(vm.saveCurrent("tricky")).isTrue();

        PublishViewModel again = offline();
        assertThat(again.savedMessages()).extracting(m -> m.name()).containsExactly("two bytes", "tricky");
        again.edit(again.savedMessages().get(0));
        assertThat(again.formatProperty().get()).isEqualTo(PayloadFormat.HEX);
        assertThat(again.payloadProperty().get()).isEqualTo("01 02");
        assertThat(again.qosProperty().get()).isEqualTo(2);
        again.edit(again.savedMessages().get(1));
        assertThat(again.payloadProperty().get()).isEqualTo("text:hello");

        assertThat(again.publishSaved(again.savedMessages().get(0))).isTrue();
        assertThat(again.published().get(0).size()).isEqualTo(2);
        assertThat(again.published().get(0).qos()).isEqualTo(2);
        assertThat(AppStateStore.open(dir.resolve("state.json")).state().savedMessages(offlineProfile.id()))
                .extracting(m -> m.format() + " " + m.payload())
                .containsExactly("HEX 01 02", "TEXT text:hello"); // the format is a field, not a payload prefix
        again.deleteSaved(again.savedMessages().get(0));
        assertThat(AppStateStore.open(dir.resolve("state.json")).state().savedMessages(offlineProfile.id()))
                .extracting(m -> m.name()).containsExactly("tricky");
    }

    @Test
    void aSavedMessageWithAnUnknownFormatIsEditedAsText() {
        PublishViewModel vm = offline();
        var message = new dev.skeeter.profiles.AppState.SavedMessage("odd", "t", "hex:01", 0, false, "YAML");

        vm.edit(message);

        assertThat(vm.formatProperty().get()).isEqualTo(PayloadFormat.TEXT);
        assertThat(vm.payloadProperty().get()).isEqualTo("hex:01");
    }

    @Test
    void loadingAFilePicksAFormatThatShowsIt() throws Exception {
        PublishViewModel vm = offline();
        fileToOpen = dir.resolve("data.json");
        Files.writeString(fileToOpen, "{\"x\":1}");
        vm.loadFromFile();
        fx.runAll();
        assertThat(vm.formatProperty().get()).isEqualTo(PayloadFormat.JSON);
        assertThat(vm.payloadProperty().get()).contains("\"x\": 1");

        fileToOpen = dir.resolve("data.bin");
        Files.write(fileToOpen, new byte[] {(byte) 0x89, 0, 1});
        vm.loadFromFile();
        fx.runAll();
        assertThat(vm.formatProperty().get()).isEqualTo(PayloadFormat.BASE64);
        assertThat(vm.payloadProperty().get()).isEqualTo("iQAB");
        assertThat(vm.statusProperty().get()).contains("3 bytes");
    }

    @Test
    void completionOffersHistoryThenTopicsSeen() {
        PublishViewModel vm = offline();
        vm.topicProperty().set("home/a");
        vm.publish();
        assertThat(vm.suggestTopics("home", 10)).containsExactly("home/a");
        topicsSeen.add("home/b"); // the workspace's topics, fed by its connection
        topicsSeen.add("home/a");
        assertThat(vm.suggestTopics("home", 10)).containsExactly("home/a", "home/b");
        assertThat(vm.suggestTopics("zzz", 10)).isEmpty();
        assertThat(vm.suggestTopics("", 10)).isEmpty();
    }
}
