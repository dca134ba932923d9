package dev.skeeter.ui.connection;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.broker.Authenticator;
import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.log.LogEntry;
import dev.skeeter.ui.support.FxActions;
import dev.skeeter.ui.support.ShellFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A profile that keeps no password: connecting asks for it in a dialog. Against our broker with an authenticator
 * that accepts only the right password, so a connection proves the typed password reached the broker.
 */
class PasswordPromptFxTest extends FxRobot {
    private static final String PASSWORD = "s3cret-Pass";

    @TempDir
    Path configDir;
    private final List<String> passwordsSeen = new CopyOnWriteArrayList<>();
    private Broker broker;
    private ShellFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        Authenticator onlyAlice = c -> {
            String password = c.password() == null ? null : new String(c.password(), StandardCharsets.UTF_8);
            passwordsSeen.add(String.valueOf(password));
            return CompletableFuture.completedFuture("alice".equals(c.username()) && PASSWORD.equals(password)
                    ? Authenticator.Decision.ALLOW : Authenticator.Decision.BAD_CREDENTIALS);
        };
        broker = Broker.create(BrokerConfig.builder().listener(0, "127.0.0.1").authenticator(onlyAlice).build());
        int port = broker.start().get(10, SECONDS).get(0).getPort();
        Profile asking = Profile.create("Asks password", "127.0.0.1", port).toBuilder()
                .credentials(new Profile.Credentials("alice", null, false)).build();
        fixture = new ShellFixture(configDir, List.of(asking)).show(p -> "");
        doubleClickOn("Asks password");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        broker.stop().get(10, SECONDS);
    }

    @Test
    void theTypedPasswordConnectsAndIsNeitherLoggedNorSaved() throws Exception {
        clickOn("#connect-button");
        clickOn("#password-prompt").write(PASSWORD);
        push(KeyCode.ENTER);

        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Connected"));
        assertThat(passwordsSeen).containsExactly(PASSWORD);
        assertThat(logText()).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
        assertThat(fixture.profiles.profiles()).allMatch(p -> p.credentials().password() == null);
        for (String file : List.of("profiles.json", "state.json")) {
            Path path = configDir.resolve(file);
            if (Files.exists(path)) {
                assertThat(Files.readString(path)).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void cancellingTheDialogStaysDisconnectedAndSendsNothing() throws Exception {
        clickOn("#connect-button");
        clickOn("#password-prompt").write(PASSWORD);
        // the dialog's own Cancel (the workspace has a hidden "Cancel" of its own, in the port offer)
        clickOn(lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class)
                .lookupButton(javafx.scene.control.ButtonType.CANCEL));

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#password-prompt").tryQuery()).isEmpty();
        assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Disconnected");
        assertThat(passwordsSeen).isEmpty();
        assertThat(broker.stats().clientsConnected()).isZero();
        assertThat(logText()).noneMatch(line -> line.contains(PASSWORD));
    }

    @Test
    void aWrongPasswordIsRefusedByTheBrokerAndExplained() throws Exception {
        clickOn("#connect-button");
        clickOn("#password-prompt").write("nope-Pa55");
        push(KeyCode.ENTER);

        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#workspace-state").queryLabeled().getText()).isEqualTo("Failed"));
        assertThat(passwordsSeen).containsExactly("nope-Pa55");
        assertThat(lookup("#failure-summary").queryLabeled().getText()).isNotBlank().doesNotContain("nope-Pa55");
    }

    private List<String> logText() throws Exception {
        return FxActions.call(() -> fixture.shell.model().workspaces().get(0).log().allEntries().stream()
                .map(LogEntry::text).toList());
    }

}
