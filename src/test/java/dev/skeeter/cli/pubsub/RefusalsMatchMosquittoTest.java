package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Logins our broker refuses (a wrong password, an unknown user, an anonymous client with allow_anonymous false), and
 * a publish and a subscription the ACL denies: mosquitto_pub/sub print the same and exit with the same code against
 * our broker as against mosquitto 2 with the same files, and skeeter pub/sub print what mosquitto's tools print.
 */
class RefusalsMatchMosquittoTest {
    private static Broker ours;
    private static MosquittoBroker mosquitto;
    private static String ourPort;

    @BeforeAll
    static void startBothBrokers() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-refusals-");
        Path passwords = dir.resolve("passwd");
        Process passwd = new ProcessBuilder(ExternalTools.require("mosquitto_passwd", "mosquitto").toString(),
                "-c", "-b", passwords.toString(), "alice", "secret").redirectErrorStream(true).start();
        assertThat(passwd.waitFor()).isZero();
        assertThat(passwords.toFile().setReadable(true, false)).isTrue();
        Path acl = dir.resolve("acl");
        Files.write(acl, List.of("user alice", "topic readwrite alice/#"));
        ours = Broker.create(BrokerConfig.builder().listener(0, null).security(ListenerSecurity.DEFAULTS
                .withAllowAnonymous(false).withPasswordFile(passwords).withAclFile(acl)).build());
        ourPort = String.valueOf(ours.start().get(10, TimeUnit.SECONDS).get(0).getPort());
        mosquitto = MosquittoBroker.start("allow_anonymous false", "password_file " + passwords,
                "acl_file " + acl);
    }

    @AfterAll
    static void stopBrokers() {
        if (ours != null) {
            ours.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sub -t alice/x -u alice -P wrong", "sub -t alice/x -u mallory -P secret", "sub -t alice/x",
        "pub -t alice/x -m hi -u alice -P wrong", "pub -t alice/x -m hi", "pub -t alice/x -m hi -u alice",
        "pub -t bob/x -m denied-but-acknowledged -q 1 -u alice -P secret",
        "sub -t alice/x -u alice -P secret -W 1"})
    void ourBrokerRefusesAsMosquittoDoesAndOurToolsSayItAsMosquittosDo(String command) {
        String[] args = command.split(" ");
        String tool = args[0];
        String[] rest = List.of(args).subList(1, args.length).toArray(String[]::new);
        MosquittoTool againstMosquitto = MosquittoTool.run(tool, new byte[0],
                withPort(String.valueOf(mosquitto.port()), rest));
        MosquittoTool againstOurs = MosquittoTool.run(tool, new byte[0], withPort(ourPort, rest));
        assertThat(againstOurs.err()).as("mosquitto_" + command + " against both brokers")
                .isEqualTo(againstMosquitto.err());
        assertThat(againstOurs.exitCode()).as("mosquitto_" + command).isEqualTo(againstMosquitto.exitCode());

        CliRun skeeter = new CliRun();
        int exit = skeeter.execute(withTool(tool, withPort(ourPort, rest)));
        assertThat(skeeter.err()).as("skeeter " + command).isEqualTo(againstOurs.err());
        assertThat(exit).as("skeeter " + command).isEqualTo(againstOurs.exitCode());
    }

    private static String[] withPort(String port, String[] args) {
        String[] all = new String[args.length + 4];
        all[0] = "-h";
        all[1] = "127.0.0.1";
        all[2] = "-p";
        all[3] = port;
        System.arraycopy(args, 0, all, 4, args.length);
        return all;
    }

    private static String[] withTool(String tool, String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = tool;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
