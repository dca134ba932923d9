package dev.skeeter.cli.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exit codes and error lines of {@code skeeter pub}/{@code sub} against those of mosquitto_pub/mosquitto_sub, for
 * a refused login (mosquitto with a password file made by mosquitto_passwd), a port nobody listens on, a host that
 * does not resolve, the {@code -W} timeout and bad flags. Only the tool's name in the "--help" hint differs.
 */
class ErrorsMatchMosquittoTest {
    private static MosquittoBroker broker;
    private static String port;
    private static String closedPort;

    @BeforeAll
    static void startBrokerWithPasswords() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-passwords-");
        Path passwords = dir.resolve("passwords");
        Process passwd = new ProcessBuilder(ExternalTools.require("mosquitto_passwd", "mosquitto").toString(),
                "-c", "-b", passwords.toString(), "alice", "secret").redirectErrorStream(true).start();
        assertThat(passwd.waitFor()).isZero();
        assertThat(passwords.toFile().setReadable(true, false)).isTrue();
        broker = MosquittoBroker.start("allow_anonymous false", "password_file " + passwords);
        port = String.valueOf(broker.port());
        closedPort = String.valueOf(MosquittoBroker.freePort());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void refusedLoginExitsWithTheConnackCode() {
        sameAsMosquitto("sub", "-p", port, "-t", "a", "-u", "alice", "-P", "wrong");
        sameAsMosquitto("sub", "-p", port, "-t", "a");
        sameAsMosquitto("pub", "-p", port, "-t", "a", "-m", "x", "-u", "alice", "-P", "wrong");
        sameAsMosquitto("pub", "-p", port, "-t", "a", "-m", "x", "--quiet");
    }

    @Test
    void unreachableBrokerExitsWithOne() {
        sameAsMosquitto("sub", "-p", closedPort, "-t", "a");
        sameAsMosquitto("pub", "-p", closedPort, "-t", "a", "-m", "x");
        sameAsMosquitto("sub", "-h", "nonexistent.invalid", "-t", "a");
    }

    @Test
    void timeoutPrintsTimedOutAndExitsWith27() {
        sameAsMosquitto("sub", "-p", port, "-t", "a", "-u", "alice", "-P", "secret", "-W", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sub -t a --foo", "sub -p 1883", "sub -t a -q 3", "sub -t a -F %z", "sub -t a -F abc%", "sub -t a -F \\q",
        "sub -t a -C 0", "sub -t a -W", "sub -t a -k 2", "sub -t a/#/b", "sub -t a -V mqttv4", "sub -t a -R "
            + "--retained-only", "sub -t a -c", "sub -t a --will-payload x", "sub -t a --cert c.pem",
        "sub -t a -i x -I y", "sub -t a -L http://x/t", "sub -t a -m x", "pub -t a", "pub -t a/+ -m x",
        "pub -t a -m x -n", "pub -t a -v -m x", "pub -t a --repeat 0 -m x", "pub -t a -f /nonexistent/file",
        "pub -t a -m x --proxy http://p", "sub -p 70000 -t a"})
    void badFlagsGiveMosquittosErrorLines(String command) {
        sameAsMosquitto(command.split(" "));
    }

    private static void sameAsMosquitto(String... command) {
        String tool = command[0];
        String[] args = List.of(command).subList(1, command.length).toArray(String[]::new);
        MosquittoTool theirs = MosquittoTool.run(tool, new byte[0], args);
        CliRun ours = new CliRun();
        int ourExit = ours.execute(command);
        String label = String.join(" ", command);
        assertThat(ours.err()).as(label)
                .isEqualTo(theirs.err().replace("'mosquitto_" + tool + " --help'", "'skeeter " + tool + " --help'"));
        assertThat(ourExit).as(label).isEqualTo(theirs.exitCode());
        List<String> both = new ArrayList<>();
        both.add(ours.outText());
        assertThat(theirs.out().length == 0).as(label + ": stdout " + both).isEqualTo(ours.out().length == 0);
    }
}
