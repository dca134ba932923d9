package dev.skeeter.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.testsupport.ProcessRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * use_identity_as_username and use_subject_as_username: mosquitto_pub presents the client certificate (CN
 * good-client, made by openssl) to a TLS listener requiring one, and the ACL section of the user name the certificate
 * gives decides what it may publish. No password file and no password are involved.
 */
class CertificateUsernameTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"true, good-client", "false, CN=good-client"})
    void theCertificateNamesTheUserTheAclKnows(boolean identity, String username) throws Exception {
        ListenerPki pki = ListenerPki.shared();
        Path acl = dir.resolve("acl");
        Files.write(acl, List.of("topic read #", "user " + username, "topic readwrite id/#"));
        ListenerTls tls = pki.tls("ec-sec1").withRequireCertificate(true).withUseIdentityAsUsername(identity)
                .withUseSubjectAsUsername(!identity);
        try (Broker broker = Broker.create(BrokerConfig.builder()
                .listener(new ListenerConfig(0, "127.0.0.1").withTls(tls)).listener(0, "127.0.0.1")
                .security(ListenerSecurity.DEFAULTS.withAllowAnonymous(false).withAclFile(acl)).build())) {
            var addresses = broker.start().get(10, SECONDS);
            String tlsPort = String.valueOf(addresses.get(0).getPort());
            // The plain listener has no certificates: with allow_anonymous false only the TLS clients get in.
            MqttClient watcher = new MqttClient("tcp://127.0.0.1:" + addresses.get(1).getPort(), "watcher",
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setConnectionTimeout(10);
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> watcher.connect(options)))
                    .hasMessageContaining("Not authorized");
            String[] cert = {"--cafile", pki.ca().toString(), "--cert", pki.file("client.pem").toString(), "--key",
                pki.file("client.key").toString()};
            Process subscriber = new ProcessBuilder(concat(List.of(tool("mosquitto_sub"), "-h", "localhost", "-p",
                    tlsPort, "-t", "#", "-v", "-C", "2", "-W", "30", "-i", "cert-sub"), cert))
                    .redirectErrorStream(true).start();
            await().atMost(20, SECONDS).until(() -> broker.clients().stream()
                    .anyMatch(c -> c.clientId().equals("cert-sub") && username.equals(c.username())));
            for (String topic : List.of("other/no", "id/yes", "id/end")) {
                ProcessRun pub = ProcessRun.run(dir, 30, "mosquitto_pub", "mosquitto-clients",
                        concat(List.of("-h", "localhost", "-p", tlsPort, "-t", topic, "-m", "x", "-q", "1", "-u",
                                "ignored", "-P", "ignored"), cert).toArray(String[]::new));
                assertThat(pub.exitCode()).as(pub.output()).isZero();
            }
            String output = new String(subscriber.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(subscriber.waitFor()).as(output).isZero();
            assertThat(output).isEqualTo("id/yes x\nid/end x\n");
            assertThat(broker.stats().publishDenied()).isEqualTo(1);
        }
    }

    private static String tool(String name) {
        return dev.skeeter.testsupport.ExternalTools.require(name, "mosquitto-clients").toString();
    }

    private static List<String> concat(List<String> head, String[] tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}
