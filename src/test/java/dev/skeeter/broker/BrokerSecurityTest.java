package dev.skeeter.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skeeter.testsupport.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password files, allow_anonymous, ACL decisions on SUBSCRIBE, reload and the embedding API, with Paho clients. */
class BrokerSecurityTest {
    @TempDir
    Path dir;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<MqttClient> clients = new ArrayList<>();
    private final List<Broker> brokers = new ArrayList<>();

    @AfterEach
    void close() {
        for (MqttClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(100, 100);
                }
                c.close(true);
            } catch (MqttException e) {
                // the broker stops next
            }
        }
        brokers.forEach(Broker::close);
    }

    @Test
    void passwordFilesMadeByMosquittoPasswdLetTheirUsersInAndTheLogNeverHoldsAPassword() throws Exception {
        Path passwords = dir.resolve("passwd");
        mosquittoPasswd("-c", "-b", "-H", "sha512", passwords.toString(), "alice", "alice-secret");
        mosquittoPasswd("-b", passwords.toString(), "bob", "bob-secret");
        int port = start(BrokerConfig.builder().logPackets(true).security(ListenerSecurity.DEFAULTS
                .withAllowAnonymous(false).withPasswordFile(passwords)));

        assertThat(connect(port, "a1", "alice", "alice-secret").isConnected()).isTrue();
        assertThat(connect(port, "b1", "bob", "bob-secret").isConnected()).isTrue();
        assertRefused(port, "a2", "alice", "wrong-secret", 5);
        assertRefused(port, "x1", "mallory", "bob-secret", 5);
        assertRefused(port, "n1", null, null, 5);

        awaitLog("Client a2 from 127.0.0.1:");
        awaitLog("connection refused (5): not authorised: wrong password for user 'alice'");
        awaitLog("not authorised: unknown user 'mallory'");
        awaitLog("not authorised: anonymous clients are not allowed (allow_anonymous false)");
        assertThat(log).noneMatch(l -> l.contains("secret"));
        assertThat(log).anyMatch(l -> l.contains("Security: password file (2 users), anonymous clients refused"));
    }

    @Test
    void aPasswordFileRefusesAnonymousClientsUnlessAllowAnonymousIsTrue() throws Exception {
        Path passwords = dir.resolve("passwd");
        mosquittoPasswd("-c", "-b", passwords.toString(), "alice", "pw");
        int strict = start(BrokerConfig.builder().security(ListenerSecurity.DEFAULTS.withPasswordFile(passwords)));
        assertRefused(strict, "n1", null, null, 5);
        int open = start(BrokerConfig.builder().security(ListenerSecurity.DEFAULTS.withPasswordFile(passwords)
                .withAllowAnonymous(true)));
        assertThat(connect(open, "n2", null, null).isConnected()).isTrue();
        assertRefused(open, "a1", "alice", "wrong", 5); // a user name still has to match
        int none = start(BrokerConfig.builder().security(ListenerSecurity.DEFAULTS.withAllowAnonymous(false)));
        assertRefused(none, "a2", "alice", "pw", 5); // no password file and no anonymous: nobody, as mosquitto
        int defaults = start(BrokerConfig.builder());
        assertThat(connect(defaults, "n3", null, null).isConnected()).isTrue();
    }

    @Test
    void aSubscriptionTheAclLetsReadNothingGetsSuback0x80AsThePahoInteropSuiteExpects() throws Exception {
        // test_subscribe_failure of the Paho interoperability suite: "test/nosubscribe" is denied by the ACL.
        Path acl = dir.resolve("acl");
        Files.write(acl, List.of("topic readwrite #", "topic deny test/nosubscribe"));
        int port = start(BrokerConfig.builder().security(ListenerSecurity.DEFAULTS.withAclFile(acl)));
        MqttClient client = connect(port, "interop", null, null);
        Inbox inbox = new Inbox();
        client.setCallback(inbox);

        assertThat(client.subscribeWithResponse("test/nosubscribe", 2).getGrantedQos()).containsExactly(0x80);
        assertThat(client.subscribeWithResponse(new String[] {"test/#", "test/nosubscribe"}, new int[] {1, 1})
                .getGrantedQos()).containsExactly(1, 0x80);
        client.publish("test/nosubscribe", "hidden".getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish("test/ok", "seen".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(10, SECONDS).until(() -> inbox.messages.contains("test/ok seen"));
        assertThat(inbox.messages).containsExactly("test/ok seen"); // the granted test/# is checked per message
    }

    @Test
    void aReloadKeepsConnectedClientsAndAppliesTheNewFiles() throws Exception {
        Path passwords = dir.resolve("passwd");
        mosquittoPasswd("-c", "-b", passwords.toString(), "alice", "pw");
        Path acl = dir.resolve("acl");
        Files.write(acl, List.of("topic read #", "user alice", "topic write a/#"));
        BrokerConfig config = BrokerConfig.builder().listener(0, null).security(ListenerSecurity.DEFAULTS
                .withAllowAnonymous(true).withPasswordFile(passwords).withAclFile(acl)).build();
        Broker broker = Broker.create(config);
        brokers.add(broker);
        int port = broker.start().get(10, SECONDS).get(0).getPort();
        MqttClient alice = connect(port, "alice-1", "alice", "pw");
        MqttClient watcher = connect(port, "watcher", null, null);
        Inbox seen = new Inbox();
        watcher.setCallback(seen);
        watcher.subscribe("#", 1);
        alice.publish("a/1", "x".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(10, SECONDS).until(() -> seen.messages.contains("a/1 x"));

        Files.write(acl, List.of("topic read #", "user alice", "topic write b/#"));
        mosquittoPasswd("-b", passwords.toString(), "bob", "pw2");
        assertThat(broker.reloadSecurity(config)).isEmpty();
        assertThat(alice.isConnected()).isTrue();
        alice.publish("a/2", "x".getBytes(StandardCharsets.UTF_8), 1, false); // acknowledged, dropped
        alice.publish("b/1", "x".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(10, SECONDS).until(() -> seen.messages.contains("b/1 x"));
        assertThat(seen.messages).doesNotContain("a/2 x");
        assertThat(connect(port, "bob-1", "bob", "pw2").isConnected()).isTrue();

        Files.write(acl, List.of("user alice", "topic rw a/#"));
        assertThat(broker.reloadSecurity(config)).containsExactly(acl + ":2: invalid access type 'rw' (expected "
                + "read, write, readwrite or deny)");
        alice.publish("b/2", "x".getBytes(StandardCharsets.UTF_8), 1, false); // the old rules stay
        await().atMost(10, SECONDS).until(() -> seen.messages.contains("b/2 x"));
        assertThat(alice.isConnected()).isTrue();
        assertThat(broker.stats().publishDenied()).isEqualTo(1);
    }

    @Test
    void perListenerSettingsGiveEachListenerItsOwnRules() throws Exception {
        Path passwords = dir.resolve("passwd");
        mosquittoPasswd("-c", "-b", passwords.toString(), "alice", "pw");
        Broker broker = Broker.create(BrokerConfig.builder().perListenerSettings(true)
                .listener(new ListenerConfig(0, null).withSecurity(ListenerSecurity.DEFAULTS
                        .withPasswordFile(passwords).withAllowAnonymous(false)))
                .listener(new ListenerConfig(0, null)).build());
        brokers.add(broker);
        var addresses = broker.start().get(10, SECONDS);
        int strict = addresses.get(0).getPort();
        int open = addresses.get(1).getPort();
        assertRefused(strict, "n1", null, null, 5);
        assertThat(connect(strict, "a1", "alice", "pw").isConnected()).isTrue();
        assertThat(connect(open, "n2", null, null).isConnected()).isTrue();
    }

    @Test
    void anEmbedderPlugsInItsOwnAuthenticatorAndAuthoriser() throws Exception {
        Authenticator appOnly = credentials -> CompletableFuture.supplyAsync(() -> "app".equals(credentials.username())
                ? Authenticator.Decision.ALLOW : Authenticator.Decision.BAD_CREDENTIALS);
        Authoriser ownTopics = new Authoriser() {
            @Override
            public boolean mayPublish(Identity client, String topic) {
                return topic.startsWith(client.clientId() + "/");
            }

            @Override
            public boolean mayReceive(Identity client, String topic) {
                return !topic.endsWith("/private");
            }

            @Override
            public boolean maySubscribe(Identity client, String filter) {
                return !filter.startsWith("secret");
            }
        };
        int port = start(BrokerConfig.builder().authenticator(appOnly).authoriser(ownTopics));
        assertRefused(port, "x", "other", "pw", 4);
        MqttClient app = connect(port, "dev1", "app", "pw");
        Inbox inbox = new Inbox();
        app.setCallback(inbox);
        assertThat(app.subscribeWithResponse("secret/#", 1).getGrantedQos()).containsExactly(0x80);
        app.subscribe("#", 1);
        app.publish("dev2/x", "no".getBytes(StandardCharsets.UTF_8), 1, false);
        app.publish("dev1/private", "no".getBytes(StandardCharsets.UTF_8), 1, false);
        app.publish("dev1/x", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
        await().atMost(10, SECONDS).until(() -> inbox.messages.contains("dev1/x yes"));
        assertThat(inbox.messages).containsExactly("dev1/x yes");
    }

    private int start(BrokerConfig.Builder builder) throws Exception {
        Broker broker = Broker.create(builder.clearListeners().listener(0, null).build());
        brokers.add(broker);
        broker.addListener(new BrokerListener() {
            @Override
            public void log(BrokerLogEvent event) {
                log.add(event.message());
            }
        });
        return broker.start().get(10, SECONDS).get(0).getPort();
    }

    private MqttClient connect(int port, String clientId, String username, String password) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        clients.add(client);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
        return client;
    }

    private void assertRefused(int port, String clientId, String username, String password, int code) {
        assertThatThrownBy(() -> connect(port, clientId, username, password))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(code));
    }

    private void awaitLog(String text) {
        await(text).atMost(10, SECONDS).until(() -> log.stream().anyMatch(l -> l.contains(text)));
    }

    static void mosquittoPasswd(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require("mosquitto_passwd", "mosquitto").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }

    /** Messages as "topic payload". */
    static final class Inbox implements MqttCallback {
        final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
