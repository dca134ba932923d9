package dev.skeeter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.security.AclCaseTable;
import dev.skeeter.broker.security.AclCaseTable.Client;
import dev.skeeter.broker.security.AclCaseTable.Read;
import dev.skeeter.broker.security.AclCaseTable.Write;
import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The ACL case table ({@link AclCaseTable}) run with real Paho clients through mosquitto 2 and through our broker,
 * both reading the same ACL file and a password file made by Debian's mosquitto_passwd: which publishes get through
 * (seen by a watcher reading '#'), which messages each client receives, retained messages and wills. Both brokers
 * must give exactly the table's answers.
 */
class AclMatchesMosquittoTest {
    private static Path dir;

    @BeforeAll
    static void writeFiles() throws Exception {
        dir = ExternalDaemon.readableDirectory("skeeter-acl-");
        Files.write(dir.resolve("acl"), AclCaseTable.ACL);
        String passwd = ExternalTools.require("mosquitto_passwd", "mosquitto").toString();
        boolean first = true;
        for (Client c : AclCaseTable.CLIENTS) {
            if (c.username() != null) {
                List<String> command = new ArrayList<>(List.of(passwd, "-b"));
                if (first) {
                    command.add("-c");
                    first = false;
                }
                command.addAll(List.of(dir.resolve("passwd").toString(), c.username(), c.password()));
                assertThat(new ProcessBuilder(command).start().waitFor()).isZero();
            }
        }
        assertThat(dir.resolve("passwd").toFile().setReadable(true, false)).isTrue();
    }

    @Test
    void mosquittoGivesTheTablesAnswers() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start("password_file " + dir.resolve("passwd"),
                "acl_file " + dir.resolve("acl"))) {
            assertTableHolds(mosquitto.url());
        }
    }

    @Test
    void ourBrokerGivesTheTablesAnswers() throws Exception {
        BrokerConfig config = BrokerConfig.builder().listener(0, null).security(ListenerSecurity.DEFAULTS
                .withAllowAnonymous(true).withPasswordFile(dir.resolve("passwd")).withAclFile(dir.resolve("acl")))
                .build();
        try (Broker broker = Broker.create(config)) {
            int port = broker.start().get(10, TimeUnit.SECONDS).get(0).getPort();
            assertTableHolds("tcp://127.0.0.1:" + port);
            assertThat(broker.stats().publishDenied()).isEqualTo(
                    AclCaseTable.WRITES.stream().filter(w -> !w.allowed()).count() + 1); // + the refused will
        }
    }

    private static void assertTableHolds(String uri) throws Exception {
        List<MqttClient> open = new ArrayList<>();
        try {
            Map<String, List<String>> received = new ConcurrentHashMap<>();
            MqttClient root = connect(uri, AclCaseTable.ROOT, open, received, null);
            for (Read r : AclCaseTable.RETAINED) {
                root.publish(r.topic(), ("k:" + r.topic()).getBytes(StandardCharsets.UTF_8), 1, true);
            }
            Map<Client, MqttClient> clients = new ConcurrentHashMap<>();
            for (Client c : AclCaseTable.CLIENTS) {
                clients.put(c, c == AclCaseTable.ROOT ? root : connect(uri, c, open, received, null));
            }
            for (Client c : AclCaseTable.CLIENTS) {
                try {
                    clients.get(c).subscribe("#", 1);
                } catch (MqttException refused) {
                    // Our broker refuses '#' (SUBACK 0x80) to a client that may read nothing under it.
                }
                clients.get(c).subscribe(sentinel(c), 1);
            }
            for (int i = 0; i < AclCaseTable.WRITES.size(); i++) {
                Write w = AclCaseTable.WRITES.get(i);
                clients.get(w.client()).publish(w.topic(), ("w:" + i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            for (int i = 0; i < AclCaseTable.READS.size(); i++) {
                root.publish(AclCaseTable.READS.get(i).topic(), ("r:" + i).getBytes(StandardCharsets.UTF_8), 1,
                        false);
            }
            for (Write will : AclCaseTable.WILLS) {
                MqttClient dying = connect(uri, will.client(), open, received, will.topic());
                dying.disconnectForcibly(0, 1000, false); // no DISCONNECT: the will is due
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> received.getOrDefault(AclCaseTable.WATCHER.id(),
                    List.of()).contains("alice/will will"));
            for (Client c : AclCaseTable.CLIENTS) {
                root.publish(sentinel(c), "done".getBytes(StandardCharsets.UTF_8), 1, false);
            }
            for (Client c : AclCaseTable.CLIENTS) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> received.getOrDefault(c.id(), List.of())
                        .contains(sentinel(c) + " done"));
            }
            for (Client c : AclCaseTable.CLIENTS) {
                assertThat(onlyCasesOf(c, seen(received.get(c.id()), "r:"))).as("%s reads", c)
                        .isEqualTo(expected(AclCaseTable.READS, c, "r:"));
                assertThat(onlyCasesOf(c, seen(received.get(c.id()), "k:"))).as("%s retained", c)
                        .isEqualTo(expectedRetained(c));
            }
            Set<String> written = new TreeSet<>();
            for (int i = 0; i < AclCaseTable.WRITES.size(); i++) {
                if (AclCaseTable.WRITES.get(i).allowed()) {
                    written.add(AclCaseTable.WRITES.get(i).topic() + " w:" + i);
                }
            }
            assertThat(seen(received.get(AclCaseTable.WATCHER.id()), "w:")).as("writes seen by the watcher")
                    .isEqualTo(written);
            assertThat(received.get(AclCaseTable.WATCHER.id())).as("wills")
                    .contains("alice/will will").doesNotContain("alice/will-of-bob will");
        } finally {
            for (MqttClient c : open) {
                try {
                    if (c.isConnected()) {
                        c.disconnect(1000);
                    }
                    c.close(true);
                } catch (MqttException e) {
                    // closing anyway
                }
            }
        }
    }

    /** The topic that tells a client everything before it has arrived ('+' is no topic character). */
    private static String sentinel(Client c) {
        return "done/" + c.id().replace("+", "");
    }

    private static Set<String> seen(List<String> messages, String prefix) {
        Set<String> out = new TreeSet<>();
        for (String m : messages) {
            if (m.contains(" " + prefix)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Keeps the messages of {@code c}'s own read and retained cases (others' are not in the table for it). */
    private static Set<String> onlyCasesOf(Client c, Set<String> messages) {
        Set<String> out = new TreeSet<>();
        for (String m : messages) {
            String key = m.substring(m.indexOf(' ') + 1);
            boolean mine = key.startsWith("r:")
                    ? AclCaseTable.READS.get(Integer.parseInt(key.substring(2))).client() == c
                    : AclCaseTable.RETAINED.stream().anyMatch(r -> r.client() == c
                            && key.equals("k:" + r.topic()));
            if (mine) {
                out.add(m);
            }
        }
        return out;
    }

    private static Set<String> expected(List<Read> reads, Client c, String prefix) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            if (r.client() == c && r.allowed()) {
                out.add(r.topic() + " " + prefix + i);
            }
        }
        // What a client may read among the other clients' cases is not in the table: keep only its own cases.
        return out;
    }

    private static Set<String> expectedRetained(Client c) {
        Set<String> out = new TreeSet<>();
        for (Read r : AclCaseTable.RETAINED) {
            if (r.client() == c && r.allowed()) {
                out.add(r.topic() + " k:" + r.topic());
            }
        }
        return out;
    }

    private static MqttClient connect(String uri, Client c, List<MqttClient> open, Map<String, List<String>> received,
            String willTopic) throws MqttException {
        MqttClient client = new MqttClient(uri, c.id(), new MemoryPersistence());
        open.add(client);
        List<String> inbox = received.computeIfAbsent(c.id(), k -> new CopyOnWriteArrayList<>());
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                inbox.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        if (c.username() != null) {
            options.setUserName(c.username());
            options.setPassword(c.password().toCharArray());
        }
        if (willTopic != null) {
            options.setWill(willTopic, "will".getBytes(StandardCharsets.UTF_8), 1, false);
        }
        client.connect(options);
        return client;
    }
}
