package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.broker.Broker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(BrokerCommand command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    @Test
    void brokerOnAFreePortAcceptsMqttAndStopsWhenAsked() throws Exception {
        BrokerCommand command = new BrokerCommand();
        command.installSignals = false;
        CompletableFuture<Broker> running = new CompletableFuture<>();
        command.onStarted = running::complete;
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine(command).execute("-p", "0", "-v"));

        Broker broker = running.get(10, TimeUnit.SECONDS);
        InetSocketAddress address = broker.start().get(1, TimeUnit.SECONDS).get(0);
        assertThat(address.getAddress().isLoopbackAddress()).as("-p listens on loopback, as mosquitto 2").isTrue();
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            byte[] connect = {0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 1, 'c'};
            socket.getOutputStream().write(connect);
            byte[] connack = socket.getInputStream().readNBytes(4);
            assertThat(connack).containsExactly(0x20, 2, 0, 0);
        }
        assertThat(out.toString()).contains("listening on 127.0.0.1:" + address.getPort());

        command.requestStop();

        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void configFileWithAnUnknownOptionIsAnErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("skeeter.conf"), "listener 0 127.0.0.1\nno_such_option true\n");

        int code = commandLine(new BrokerCommand()).execute("-c", conf.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("skeeter.conf:2: unknown option 'no_such_option'");
    }

    @Test
    void daemonModePointsAtTheServiceManager() {
        int code = commandLine(new BrokerCommand()).execute("-d");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("service manager").contains("app/conf/skeeter.service");
        assertThat(Path.of("app/conf/skeeter.service")).exists();
    }

    @Test
    void helpAndVersionWork() {
        assertThat(commandLine(new BrokerCommand()).execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: broker").contains("--config-file").contains("--verbose");
        assertThat(commandLine(new BrokerCommand()).execute("--version")).isZero();
        assertThat(out.toString()).contains("skeeter ");
    }

    @Test
    void brokerIsASubcommandThatKeepsRunning() {
        assertThat(SkeeterCommand.commandLine().getSubcommands()).containsKey("broker");
        assertThat(SkeeterCommand.keepsRunning(new String[] {"broker"})).isTrue();
    }
}
