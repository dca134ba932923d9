package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.Broker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pid_file} and {@code user} in {@code skeeter broker -c}. */
class BrokerProcessFilesTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    @Test
    void pidFileHoldsTheProcessIdWhileRunningAndUserIsAPlainWarning() throws Exception {
        Path pid = dir.resolve("skeeter.pid");
        Path conf = Files.writeString(dir.resolve("broker.conf"),
                "listener 0 127.0.0.1\npid_file " + pid + "\nuser mosquitto\n");
        BrokerCommand command = new BrokerCommand();
        command.installSignals = false;
        CompletableFuture<Broker> running = new CompletableFuture<>();
        command.onStarted = running::complete;
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("-c", conf.toString()));

        running.get(20, TimeUnit.SECONDS);
        assertThat(Files.readString(pid).strip()).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        assertThat(err.toString()).contains("user mosquitto: a Java process cannot drop its privileges")
                .contains("keeps running as " + System.getProperty("user.name"));

        command.requestStop();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(pid).as("removed on a clean stop").doesNotExist();
    }

    @Test
    void anUnwritablePidFileStopsTheStartWithTheReason() throws Exception {
        Path conf = Files.writeString(dir.resolve("broker.conf"),
                "listener 0 127.0.0.1\npid_file " + dir.resolve("no/such/dir/skeeter.pid") + "\n");
        BrokerCommand command = new BrokerCommand();
        command.installSignals = false;
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("-c", conf.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("Error: cannot write pid_file " + dir.resolve("no/such/dir/skeeter.pid"));
    }
}
