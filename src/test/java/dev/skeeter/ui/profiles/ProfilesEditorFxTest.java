package dev.skeeter.ui.profiles;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.support.FxActions;
import dev.skeeter.ui.support.SelfSignedCertificate;
import dev.skeeter.ui.support.ShellFixture;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The profiles editor headless: create, edit, duplicate, delete, validation shown, file summaries. */
class ProfilesEditorFxTest extends FxRobot {
    @TempDir
    Path configDir;
    private ShellFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(dev.skeeter.ui.CertificateDescriberAccess::describe);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void createWithValidationErrorsShownThenSave() {
        push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        Node portError = lookup("#error-port").query();
        assertThat(portError.isVisible()).isFalse();

        replaceText("#profile-port", "80a");
        assertThat(portError.isVisible()).isTrue();
        assertThat(((Label) portError).getText()).isEqualTo("Port must be a number");
        assertThat(lookup("#profile-save").queryAs(Button.class).isDisabled()).isTrue();

        replaceText("#profile-name", "");
        assertThat(lookup("#error-name").queryLabeled().getText()).isEqualTo("Give the profile a name");

        replaceText("#profile-name", "Factory");
        replaceText("#profile-port", "1884");
        assertThat(portError.isVisible()).isFalse();
        clickOn("#profile-save");

        assertThat(mainList()).contains("Factory");
        await().atMost(5, SECONDS).untilAsserted(() -> assertThat(Profiles.names(fixture)).contains("Factory"));
    }

    @Test
    void editDuplicateAndDelete() {
        push(KeyCode.CONTROL, KeyCode.N);
        replaceText("#profile-name", "Original");
        clickOn("#profile-save");

        replaceText("#profile-name", "Edited");
        clickOn("#profile-save");
        assertThat(mainList()).contains("Edited").doesNotContain("Original");

        clickOn("#profile-duplicate");
        assertThat(mainList()).contains("Edited", "Edited (copy)");

        clickOn("#profile-delete");
        assertThat(mainList()).contains("Edited").doesNotContain("Edited (copy)");
        await().atMost(5, SECONDS).untilAsserted(() ->
                assertThat(Profiles.names(fixture)).containsExactly("Local broker", "Edited"));
    }

    @Test
    void aPickedCertificateShowsItsSubjectAndExpiry() throws Exception {
        Path ca = SelfSignedCertificate.create("Test CA").writePem(configDir.resolve("ca.pem"));
        fixture.files.answer(ca);
        push(KeyCode.CONTROL, KeyCode.N);
        FxActions.run(() -> this.<Profile.Transport>choice("#profile-transport").setValue(Profile.Transport.TLS));
        clickOn("#section-tls .tab-label");
        FxActions.run(() -> this.<Profile.TrustSource>choice("#profile-trust").setValue(Profile.TrustSource.CA_FILE));
        assertThat(lookup("#error-ca-file").queryLabeled().isVisible()).isTrue();

        clickOn("#profile-ca-file-browse");

        assertThat(fixture.files.asked()).containsExactly("Choose ca file");
        await().atMost(5, SECONDS).untilAsserted(() ->
                assertThat(lookup("#profile-ca-file-summary").queryLabeled().getText()).contains("CN=Test CA")
                        .contains("expires"));
        assertThat(lookup("#error-ca-file").queryLabeled().isVisible()).isFalse();
    }

    private void replaceText(String query, String text) {
        clickOn(query);
        push(KeyCode.CONTROL, KeyCode.A);
        if (text.isEmpty()) {
            push(KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private <T> javafx.scene.control.ChoiceBox<T> choice(String query) {
        return (javafx.scene.control.ChoiceBox<T>) lookup(query).queryAs(javafx.scene.control.ChoiceBox.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> mainList() {
        WaitForAsyncUtils.waitForFxEvents();
        ListView<Profile> list = (ListView<Profile>) lookup("#profile-list").queryAs(ListView.class);
        return list.getItems().stream().map(Profile::name).toList();
    }

    /** What the profiles file holds now. */
    private static final class Profiles {
        static List<String> names(ShellFixture fixture) {
            return dev.skeeter.profiles.ProfileStore.open(fixture.profiles.file()).profiles().stream()
                    .map(Profile::name).toList();
        }
    }
}
