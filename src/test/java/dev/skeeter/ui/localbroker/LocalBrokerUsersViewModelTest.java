package dev.skeeter.ui.localbroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.broker.security.PasswordFile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBrokerUsersViewModelTest {
    @TempDir
    Path dir;
    private final LocalBrokerService service = new LocalBrokerService();

    @AfterEach
    void stop() throws Exception {
        service.stop().get(10, TimeUnit.SECONDS);
    }

    @Test
    void requiringALoginLetsOnlyTheAddedUsersInEvenWhileRunning() throws Exception {
        Path file = dir.resolve("broker.passwd");
        var model = new LocalBrokerUsersViewModel(file, service, Runnable::run, Runnable::run);
        model.requireLoginProperty().set(true);
        model.usernameProperty().set("alice");
        model.passwordProperty().set("alice-pw");
        model.addUser().get(10, TimeUnit.SECONDS);
        assertThat(model.users()).containsExactly("alice");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(PasswordFile.load(file).get("alice").toString()).startsWith("$7$101$");

        int port = service.start(0, "127.0.0.1").get(10, TimeUnit.SECONDS).get(0).getPort();
        assertThat(connect(port, "alice", "alice-pw")).isTrue();
        assertThatThrownBy(() -> connect(port, null, null))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(5));

        model.usernameProperty().set("bob");
        model.passwordProperty().set("bob-pw");
        model.addUser().get(10, TimeUnit.SECONDS);
        assertThat(connect(port, "bob", "bob-pw")).isTrue(); // reloaded into the running broker

        model.requireLoginProperty().set(false);
        assertThat(connect(port, null, null)).isTrue();
    }

    @Test
    void aUserNameMosquittoCannotStoreIsRefused() {
        var model = new LocalBrokerUsersViewModel(dir.resolve("p"), service, Runnable::run, Runnable::run);
        model.usernameProperty().set("a:b");
        model.passwordProperty().set("x");
        model.addUser().join();
        assertThat(model.messageProperty().get()).contains("':'");
        assertThat(model.users()).isEmpty();
    }

    private static boolean connect(int port, String user, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(),
                new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setConnectionTimeout(10);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        try {
            client.connect(options);
            boolean connected = client.isConnected();
            client.disconnect();
            return connected;
        } finally {
            client.close();
        }
    }
}
