package dev.skeeter.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.profiles.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileFormViewModelTest {
    private final ProfileFormViewModel form = new ProfileFormViewModel(
            path -> "CN=test, expires 2030-01-01 (" + path.getFileName() + ")", Runnable::run, Runnable::run);

    @Test
    void aLoadedProfileComesBackUnchanged() {
        Profile original = Profile.create("Plant", "broker.example", 8883).toBuilder()
                .transport(Profile.Transport.TLS).clientId("plant-1").keepAliveSeconds(30)
                .credentials(new Profile.Credentials("ann", "secret", true))
                .lastWill(new Profile.LastWill("plant/status", 1, true, "offline")).build();
        form.load(original);

        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.toProfile()).contains(original);
    }

    @Test
    void badValuesAreExplainedFieldByField() {
        form.load(Profile.create("x", "localhost", 1883));
        form.name.set(" ");
        form.port.set("70000");
        form.willTopic.set("status/#");
        form.keepAlive.set("soon");

        assertThat(form.errorProperty(ProfileField.NAME).get()).isEqualTo("Give the profile a name");
        assertThat(form.errorProperty(ProfileField.PORT).get()).isEqualTo("Port must be 1 to 65535");
        assertThat(form.errorProperty(ProfileField.WILL_TOPIC).get()).contains("wildcards");
        assertThat(form.errorProperty(ProfileField.KEEP_ALIVE).get()).isEqualTo("Keep alive must be a number");
        assertThat(form.validProperty().get()).isFalse();
        assertThat(form.toProfile()).isEmpty();

        form.name.set("ok");
        form.port.set("1884");
        form.willTopic.set("status");
        form.keepAlive.set("60");
        assertThat(form.errorProperty(ProfileField.PORT).get()).isNull();
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void tlsWithACaFileNeedsTheFileAndShowsItsSummary() {
        form.load(Profile.create("x", "localhost", 8883));
        form.transport.set(Profile.Transport.TLS);
        form.trust.set(Profile.TrustSource.CA_FILE);
        assertThat(form.errorProperty(ProfileField.CA_FILE).get()).isEqualTo("Choose the CA certificate file");

        form.caFile.set(Path.of("/tmp/ca.pem").toString());
        assertThat(form.errorProperty(ProfileField.CA_FILE).get()).isNull();
        assertThat(form.caSummaryProperty().get()).isEqualTo("CN=test, expires 2030-01-01 (ca.pem)");
    }

    @Test
    void anEmptyClientIdNeedsACleanSession() {
        form.load(Profile.create("x", "localhost", 1883));
        form.clientId.set("");
        form.cleanSession.set(false);
        assertThat(form.errorProperty(ProfileField.CLIENT_ID).get()).contains("clean session");

        form.generateClientId();
        assertThat(form.clientId.get()).matches("skeeter-[0-9a-f]{8}");
        assertThat(form.errorProperty(ProfileField.CLIENT_ID).get()).isNull();
    }

    @Test
    void changingTransportFollowsItsUsualPortUnlessTheUserChoseOne() {
        form.load(Profile.create("x", "localhost", 1883));
        form.transport.set(Profile.Transport.TLS);
        assertThat(form.port.get()).isEqualTo("8883");

        form.port.set("9999");
        form.transport.set(Profile.Transport.TCP);
        assertThat(form.port.get()).isEqualTo("9999");
    }

    @Test
    void aPasswordWithoutUserNameIsRefused() {
        form.load(Profile.create("x", "localhost", 1883));
        form.password.set("secret");
        assertThat(form.errorProperty(ProfileField.USERNAME).get()).isEqualTo("A password needs a user name");
    }

    @Test
    void aPasswordNotSavedIsLeftOutOfTheProfile() {
        form.load(Profile.create("x", "localhost", 1883));
        form.username.set("ann");
        form.password.set("secret");
        form.savePassword.set(false);

        Profile p = form.toProfile().orElseThrow();
        assertThat(p.credentials().username()).isEqualTo("ann");
        assertThat(p.credentials().password()).isNull();
        assertThat(p.credentials().savePassword()).isFalse();
    }
}
