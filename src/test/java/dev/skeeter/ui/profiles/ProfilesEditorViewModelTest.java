package dev.skeeter.ui.profiles;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import dev.skeeter.ui.support.TestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesEditorViewModelTest {
    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private ProfilesEditorViewModel editor;

    @BeforeEach
    void setUp() {
        editor = editorOver(dir.resolve("profiles.json"));
    }

    @AfterEach
    void tearDown() {
        background.shutdown();
        awaitQuietly(background); // pending saves finish before the temp dir is deleted
    }

    private ProfilesEditorViewModel editorOver(Path file) {
        ProfilesModel model = new ProfilesModel(ProfileStore.open(file), Runnable::run, background);
        return new ProfilesEditorViewModel(model, new ProfileFormViewModel(p -> "", Runnable::run, Runnable::run),
                new ConnectionTester(p -> new MqttConnection(p), null, background), Runnable::run);
    }

    @Test
    void addEditAndSaveReachTheStoreFile() {
        editor.add();
        editor.form().name.set("Plant");
        editor.form().host.set("plant.example");
        assertThat(editor.save()).isTrue();

        await().atMost(5, SECONDS).untilAsserted(() -> assertThat(ProfileStore.open(dir.resolve("profiles.json"))
                .profiles()).extracting(Profile::name).containsExactly("Local broker", "Plant"));
    }

    @Test
    void anInvalidFormIsNotSaved() {
        editor.add();
        editor.form().port.set("0");
        assertThat(editor.save()).isFalse();
        assertThat(editor.messageProperty().get()).isEqualTo("Fix the marked fields first");
        assertThat(editor.profiles()).extracting(Profile::port).doesNotContain(0);
    }

    @Test
    void duplicateMakesANamedCopyWithANewId() {
        Profile original = editor.add();
        editor.duplicate();

        Profile copy = editor.selectedProperty().get();
        assertThat(copy.id()).isNotEqualTo(original.id());
        assertThat(copy.name()).isEqualTo(original.name() + " (copy)");
        assertThat(editor.profiles()).hasSize(3);
    }

    @Test
    void deleteRemovesTheProfileButNeverTheLocalBroker() {
        editor.add();
        editor.delete();
        assertThat(editor.profiles()).extracting(Profile::id).containsExactly(Profile.LOCAL_BROKER_ID);

        editor.select(Profile.LOCAL_BROKER_ID);
        assertThat(editor.canDelete().get()).isFalse();
        editor.delete();
        assertThat(editor.profiles()).hasSize(1);
    }

    @Test
    void exportedProfilesImportIntoAnotherInstall() throws Exception {
        editor.add();
        editor.form().name.set("Exported");
        editor.form().username.set("ann");
        editor.form().password.set("secret");
        editor.save();
        Path export = dir.resolve("export.json");
        editor.exportTo(export, false);
        await().atMost(5, SECONDS).until(() -> Files.exists(export));
        assertThat(Files.readString(export)).contains("Exported").doesNotContain("secret");

        ProfilesEditorViewModel other = editorOver(dir.resolve("other.json"));
        other.importFrom(export);
        await().atMost(5, SECONDS).untilAsserted(() ->
                assertThat(other.profiles()).extracting(Profile::name).contains("Exported"));
        assertThat(other.messageProperty().get()).isEqualTo("Imported 1 profile");
    }

    @Test
    void testButtonReportsSuccessAndFailureInTheClientCoresWords() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            editor.add();
            editor.form().host.set("127.0.0.1");
            editor.form().port.set(String.valueOf(broker.port()));
            editor.test();
            await().atMost(10, SECONDS).until(() -> editor.testResultProperty().get() != null);
            assertThat(editor.testResultProperty().get().ok()).isTrue();
            assertThat(editor.testResultProperty().get().message()).startsWith("Connected to tcp://127.0.0.1:");
        }
        editor.test(); // the broker is gone now
        await().atMost(10, SECONDS).until(() -> editor.testResultProperty().get() != null);
        assertThat(editor.testResultProperty().get().ok()).isFalse();
        assertThat(editor.testResultProperty().get().message()).isNotBlank();
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
