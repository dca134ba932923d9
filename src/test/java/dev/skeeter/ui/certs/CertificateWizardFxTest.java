package dev.skeeter.ui.certs;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ConnectionState;
import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.ProcessRun;
import dev.skeeter.ui.connection.WorkspaceViewModel;
import dev.skeeter.ui.localbroker.PortProbe;
import dev.skeeter.ui.support.FxActions;
import dev.skeeter.ui.support.ShellFixture;
import dev.skeeter.ui.support.ShellFxTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard as a user walks it, from the Tools menu to a connected mutual-TLS workspace. */
class CertificateWizardFxTest extends ShellFxTestBase {
    @TempDir
    Path out;

    @Test
    void walkFromToolsMenuToAConnectedMutualTlsWorkspace() throws Exception {
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        clickOn("Tools").clickOn("Certificate Wizard…");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#wizard-ca-name")).startsWith("Skeeter CA ");

        clickOn("#wizard-ca-key-type").clickOn("RSA 2048");
        clickOn("#wizard-next");
        assertThat(lookup("#wizard-page-server").tryQuery()).isPresent();
        assertThat(text("#wizard-server-names")).startsWith("localhost, 127.0.0.1, ::1");
        replace("#wizard-tls-port", String.valueOf(PortProbe.freePort("127.0.0.1")));
        clickOn("#wizard-next");

        replace("#wizard-client-names", "alice");
        press(KeyCode.ENTER).release(KeyCode.ENTER);
        write("bob");
        clickOn("#wizard-next");

        replace("#wizard-output-dir", out.toString());
        clickOn("#wizard-pkcs12");
        clickOn("#wizard-p12-password").write("bundle-pw");
        clickOn("#wizard-next");
        awaitPage("#wizard-page-done");
        assertThat(List.of("ca.crt", "ca.key", "server.crt", "server.key", "mosquitto-tls.conf", "alice.crt",
                "alice.key", "alice.p12", "bob.crt", "bob.key", "bob.p12")).allSatisfy(f ->
                assertThat(out.resolve(f)).exists());
        assertThat(lookup("#wizard-snippet").queryAs(TextArea.class).getText()).contains("require_certificate true");
        assertThat(lookup("#wizard-commands").queryAs(TextArea.class).getText())
                .contains("skeeter cert client -o " + out + " --cn alice --name alice --p12");

        // asked before anything is replaced
        String firstCa = Files.readString(out.resolve("ca.crt"));
        clickOn("#wizard-back");
        clickOn("#wizard-next");
        await().atMost(20, SECONDS).until(() -> lookup("#wizard-replace").tryQuery().map(n -> n.isVisible())
                .orElse(false));
        assertThat(lookup("#wizard-existing-files").queryAs(Labeled.class).getText()).contains("ca.crt", "alice.key");
        clickOn("#wizard-replace");
        awaitPage("#wizard-page-done");
        assertThat(Files.readString(out.resolve("ca.crt"))).isNotEqualTo(firstCa);

        clickOn("#wizard-finish");

        await().atMost(30, SECONDS).until(() -> workspace().map(w -> w.stateProperty().get()).orElse(null)
                == ConnectionState.CONNECTED);
        await().atMost(10, SECONDS).untilAsserted(() ->
                assertThat(lookup("#wizard-connection").queryAs(Labeled.class).getText())
                        .isEqualTo("Connected with mutual TLS."));
        Profile profile = workspace().orElseThrow().profile();
        assertThat(profile.transport()).isEqualTo(Profile.Transport.TLS);
        assertThat(profile.tls().certificateFile()).isEqualTo(out.resolve("alice.crt").toString());
        assertThat(fixture.localBroker.listensOn(profile.port())).isTrue();
        assertThat(fixture.localBroker.clients()).hasSize(1);

        ProcessRun verify = ProcessRun.openssl(out, "verify", "-CAfile", "ca.crt", "server.crt", "alice.crt",
                "bob.crt");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        ProcessRun p12 = ProcessRun.openssl(out, "pkcs12", "-info", "-in", "bob.p12", "-passin", "pass:bundle-pw",
                "-nokeys");
        assertThat(p12.exitCode()).as(p12.toString()).isZero();
        assertThat(ProcessRun.openssl(out, "x509", "-in", "ca.crt", "-noout", "-text").output())
                .contains("Public-Key: (2048 bit)");
    }

    @Test
    void inspectFromTheToolsMenuAndFromTheProfileEditor() throws Exception {
        CertificateBatch.run(WizardSettings.defaults(out), false, (i, t, s) -> { });
        fixture = new ShellFixture(configDir, List.of()).show(p -> "");
        fixture.files.answer(out.resolve("server.crt"));
        clickOn("Tools").clickOn("Inspect Certificate…");
        clickOn("#inspect-file-browse");
        await().atMost(20, SECONDS).untilAsserted(() ->
                assertThat(lookup("#inspect-verdict").queryAs(Labeled.class).getText())
                        .startsWith("Valid: CN=localhost, expires in 82"));
        assertThat(lookup("#inspect-report").queryAs(TextArea.class).getText()).contains("TLS server certificate");

        FxActions.run(() -> fixture.shell.window().windows().showProfiles());
        clickOn("#section-tls");
        clickOn("#profile-trust").clickOn("A CA certificate file (PEM)");
        replace("#profile-ca-file", out.resolve("ca.crt").toString());
        clickOn("#profile-ca-file-inspect");
        await().atMost(20, SECONDS).untilAsserted(() ->
                assertThat(text("#inspect-file")).isEqualTo(out.resolve("ca.crt").toString()));
        await().atMost(20, SECONDS).untilAsserted(() ->
                assertThat(lookup("#inspect-report").queryAs(TextArea.class).getText()).contains("CA certificate"));

        FxActions.run(() -> fixture.shell.window().windows().showProfiles());
        clickOn("#profile-open-wizard");
        await().atMost(10, SECONDS).until(() -> lookup("#certificate-wizard").tryQuery().isPresent());
    }

    private Optional<WorkspaceViewModel> workspace() {
        return fixture.shell.model().workspaceOf(MutualTlsSetup.PROFILE_ID);
    }

    private void awaitPage(String id) {
        await().atMost(60, SECONDS).until(() -> lookup(id).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return lookup(id).queryAs(TextInputControl.class).getText();
    }

    private void replace(String id, String value) {
        clickOn(id).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(value);
    }
}
