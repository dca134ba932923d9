package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.security.PasswordFile;
import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import dev.skeeter.testsupport.ProcessRun;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code skeeter passwd} against mosquitto_passwd 2.0.11: the same errors and exit codes, files each can read, and
 * the hidden prompt through a real pseudo-terminal.
 */
class PasswdCommandTest {
    @TempDir
    Path dir;

    @Test
    void batchModeCreatesAddsChangesAndDeletesUsers() throws Exception {
        Path file = dir.resolve("pw");
        assertThat(run(null, "-c", "-b", file.toString(), "alice", "a1")).isZero();
        assertThat(run(null, "-b", file.toString(), "bob", "b1")).isZero();
        assertThat(run(null, "-b", "-H", "sha512", file.toString(), "alice", "a2")).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("alice:$6$");
        assertThat(lines.get(1)).startsWith("bob:$7$101$");
        assertThat(PasswordFile.load(file).get("alice").matches(bytes("a2"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(run(null, "-D", file.toString(), "alice")).isZero();
        assertThat(PasswordFile.load(file)).containsOnlyKeys("bob");
        assertThat(run(null, "-b", "-I", "2000", file.toString(), "carol", "c")).isZero();
        assertThat(Files.readAllLines(file).get(1)).startsWith("carol:$7$2000$");
    }

    @Test
    void withoutAConsoleThePasswordIsReadTwiceFromStandardInput() throws Exception {
        Path file = dir.resolve("pw");
        assertThat(run("s3cret\ns3cret\n", "-c", file.toString(), "alice")).isZero();
        assertThat(PasswordFile.load(file).get("alice").matches(bytes("s3cret"))).isTrue();
        CommandRun mismatch = new CommandRun();
        assertThat(execute(mismatch, "one\ntwo\n", "-c", file.toString(), "bob")).isEqualTo(2);
        assertThat(mismatch.out()).isEqualTo("Password: \nReenter password: \n");
        assertThat(mismatch.err()).isEqualTo("Error: Passwords do not match.\n");
        CommandRun empty = new CommandRun();
        assertThat(execute(empty, "\n", "-c", file.toString(), "bob")).isEqualTo(1);
        assertThat(empty.err()).isEqualTo("Error: Empty password.\n");
        assertThat(PasswordFile.load(file)).containsOnlyKeys("alice"); // nothing written on an error
    }

    @Test
    void upgradeHashesPlainTextLinesAndKeepsHashedOnes() throws Exception {
        Path file = dir.resolve("pw");
        assertThat(run(null, "-c", "-b", file.toString(), "alice", "a")).isZero();
        String alice = Files.readAllLines(file).get(0);
        Files.writeString(file, alice + "\n# plain ones\nbob:b\n", StandardCharsets.UTF_8);
        assertThat(run(null, "-U", file.toString())).isZero();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(alice);
        assertThat(lines.get(1)).isEqualTo("# plain ones");
        assertThat(PasswordFile.load(file).get("bob").matches(bytes("b"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-c -D pw alice", "-c -U pw", "-D -U pw", "-b -D pw alice", "-c pw", "-c -b pw alice",
        "-D pw", "-U", "-H md5 -b pw alice x", "-I 0 -b pw alice x", "-I -b pw alice x", "-b missing alice x",
        "-D missing alice", "-b pw a:b x", "-D pw nobody", "-I"})
    void errorsAreMosquittoPasswds(String args) throws Exception {
        Path theirsDir = Files.createDirectories(dir.resolve("theirs"));
        Path oursDir = Files.createDirectories(dir.resolve("ours"));
        for (Path d : List.of(theirsDir, oursDir)) {
            ProcessRun made = ProcessRun.run(d, 30, "mosquitto_passwd", "mosquitto", "-c", "-b", "pw", "zed", "z");
            assertThat(made.exitCode()).isZero();
        }
        List<String> command = new ArrayList<>(List.of(args.split(" ")));
        ProcessBuilder theirsBuilder = new ProcessBuilder(prepend(ExternalTools.require("mosquitto_passwd",
                "mosquitto").toString(), command)).directory(theirsDir.toFile());
        Process theirs = theirsBuilder.start();
        theirs.getOutputStream().close();
        String theirErr = new String(theirs.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int theirExit = theirs.waitFor();
        List<String> ourArgs = new ArrayList<>(command.stream().map(a -> a.equals("pw") || a.equals("missing")
                ? oursDir.resolve(a).toString() : a).toList());
        CommandRun ours = new CommandRun();
        int ourExit = execute(ours, "", ourArgs.toArray(String[]::new));
        assertThat(ourExit).as(args).isEqualTo(theirExit);
        if (!theirErr.isEmpty() && !theirErr.contains("Unable to open")) {
            assertThat(ours.err()).as(args).isEqualTo(theirErr);
        } else {
            assertThat(ours.err().isEmpty()).as(args + ": " + ours.err()).isEqualTo(theirErr.isEmpty());
        }
        assertThat(Files.readString(oursDir.resolve("pw"))).as("unchanged").startsWith("zed:$7$101$");
    }

    @Test
    void filesOfBothHashTypesWorkInMosquitto() throws Exception {
        Path dir = ExternalDaemon.readableDirectory("skeeter-passwd-");
        Path file = dir.resolve("pw");
        assertThat(run(null, "-c", "-b", file.toString(), "alice", "alice-pw")).isZero();
        assertThat(run(null, "-b", "-H", "sha512", file.toString(), "bob", "bob-pw")).isZero();
        assertThat(run(null, "-b", "-I", "1000", file.toString(), "carol", "carol-pw")).isZero();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (MosquittoBroker mosquitto = MosquittoBroker.start("allow_anonymous false", "password_file " + file)) {
            String port = String.valueOf(mosquitto.port());
            for (String user : List.of("alice", "bob", "carol")) {
                assertThat(publish(port, user, user + "-pw").exitCode()).as(user).isZero();
                ProcessRun wrong = publish(port, user, "wrong");
                assertThat(wrong.exitCode()).as(user).isEqualTo(5);
                assertThat(wrong.output()).contains("not authorised");
            }
        }
    }

    @Test
    void theHiddenPromptAsksTwiceOnATerminalWithoutEchoing() throws Exception {
        Path file = dir.resolve("pw");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(ExternalTools.require("python3", "python3").toString(), "-c", PTY_DRIVER,
                java.toString(), "-cp", System.getProperty("java.class.path"), "dev.skeeter.Main", "passwd", "-c",
                file.toString(), "alice");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("Password: ").contains("Reenter password: ").doesNotContain("pty-s3cret");
        assertThat(PasswordFile.load(file).get("alice").matches(bytes("pty-s3cret"))).isTrue();
    }

    /** Runs argv[1:] on a new pseudo-terminal, types the password at each prompt, prints what the terminal showed. */
    private static final String PTY_DRIVER = String.join("\n",
            "import os, pty, select, sys",
            "pid, fd = pty.fork()",
            "if pid == 0:",
            "    os.execv(sys.argv[1], sys.argv[1:])",
            "seen = b''",
            "def read(until=None):",
            "    global seen",
            "    while until is None or until not in seen:",
            "        ready, _, _ = select.select([fd], [], [], 60)",
            "        if not ready:",
            "            sys.exit('timed out; the terminal showed %r' % seen)",
            "        try:",
            "            chunk = os.read(fd, 4096)",
            "        except OSError:",
            "            chunk = b''",
            "        if not chunk:",
            "            if until is None:",
            "                return",
            "            sys.exit('ended early; the terminal showed %r' % seen)",
            "        seen += chunk",
            "read(b'Password: ')",
            "os.write(fd, b'pty-s3cret\\n')",
            "read(b'Reenter password: ')",
            "os.write(fd, b'pty-s3cret\\n')",
            "read()",
            "sys.stdout.write(seen.decode())",
            "sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))");

    private static ProcessRun publish(String port, String user, String password) throws Exception {
        return ProcessRun.run(Path.of("."), 30, "mosquitto_pub", "mosquitto-clients", "-p", port, "-t", "t", "-m",
                "x", "-u", user, "-P", password);
    }

    private int run(String stdin, String... args) {
        return execute(new CommandRun(), stdin, args);
    }

    private static int execute(CommandRun run, String stdin, String... args) {
        List<String> all = prepend("passwd", List.of(args));
        return run.execute(commandLine -> {
            CommandLine passwd = commandLine.getSubcommands().get("passwd");
            ((PasswdCommand) passwd.getCommand()).input = new BufferedReader(new StringReader(
                    stdin == null ? "" : stdin));
        }, all.toArray(String[]::new));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
