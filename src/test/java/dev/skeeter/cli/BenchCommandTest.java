package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skeeter.bench.BenchConfig;
import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.bench.Scenario;
import dev.skeeter.testsupport.MosquittoBroker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    private final CommandRun cli = new CommandRun();

    private static BenchConfig parse(String... args) throws Exception {
        CommandLine.ParseResult parsed = SkeeterCommand.commandLine().parseArgs(args);
        BenchCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
        return command.config();
    }

    @Test
    void helpIsALongOptionAndListsTheOptions() {
        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(cli.out()).contains("Usage: skeeter bench").contains("--host").contains("--scenario")
                .contains("--max-inflight").contains("--json");
    }

    @Test
    void versionIsALongOption() {
        assertThat(cli.execute("bench", "--version")).isZero();
        assertThat(cli.out()).startsWith("skeeter ");
    }

    @Test
    void shortHIsTheHostAsInMosquittoPub() throws Exception {
        BenchConfig config = parse("bench", "-h", "broker.example", "-p", "1999", "--scenario", "fan-out", "-q", "2");

        assertThat(config.host()).isEqualTo("broker.example");
        assertThat(config.port()).isEqualTo(1999);
        assertThat(config.scenario()).isEqualTo(Scenario.FAN_OUT);
        assertThat(config.qos()).isEqualTo(2);
        assertThat(config.subscribers()).isEqualTo(10);
        assertThat(config.tls()).isNull();
    }

    @Test
    void aPayloadTooSmallForTheHeaderIsAUsageError() {
        assertThat(cli.execute("bench", "--size", "8")).isEqualTo(2);
        assertThat(cli.err()).contains("payload size must be at least 21");
    }

    @Test
    void anUnreachableBrokerIsReportedAndFails() throws Exception {
        int closedPort = MosquittoBroker.freePort();

        assertThat(cli.execute("bench", "-h", "127.0.0.1", "-p", String.valueOf(closedPort), "--duration", "1"))
                .isEqualTo(1);
        assertThat(cli.err()).contains("cannot connect to 127.0.0.1:" + closedPort);
    }

    @Test
    void aRunThatLostEveryMessageFailsAndSaysSo() throws Exception {
        // The broker acknowledges and drops every PUBLISH over 30 bytes, so no 64-byte bench message arrives.
        try (Broker broker = Broker.create(BrokerConfig.builder().clearListeners().listener(0, "127.0.0.1")
                .messageSizeLimit(30).build())) {
            int port = broker.start().get(30, TimeUnit.SECONDS).get(0).getPort();

            int exit = cli.execute("bench", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "0",
                    "--scenario", "fan-in", "--publishers", "1", "--size", "64", "--rate", "200", "--warmup", "0.2",
                    "--duration", "1", "--drain-timeout", "5", "--json");

            assertThat(exit).as(cli.err()).isEqualTo(1);
            assertThat(cli.err()).contains("no measured message arrived").contains("were lost");
            JsonNode json = new ObjectMapper().readTree(cli.out().strip());
            assertThat(json.get("sent").asLong()).isPositive();
            assertThat(json.get("received").asLong()).isZero();
            assertThat(json.get("errors").toString()).contains("no measured message arrived");
        }
    }

    @Test
    void jsonModePrintsExactlyOneParsableLine() throws Exception {
        try (MosquittoBroker mosquitto = MosquittoBroker.start()) {
            int exit = cli.execute("bench", "-h", "127.0.0.1", "-p", String.valueOf(mosquitto.port()), "-q", "1",
                    "--scenario", "round-trip", "--rate", "500", "--warmup", "0.2", "--duration", "1", "--json");

            assertThat(exit).as(cli.err()).isZero();
            String[] lines = cli.out().strip().split("\\R");
            assertThat(lines).hasSize(1);
            JsonNode json = new ObjectMapper().readTree(lines[0]);
            assertThat(json.get("scenario").asText()).isEqualTo("round-trip");
            assertThat(json.get("sent").asLong()).isPositive();
            assertThat(json.get("lost").asLong()).isZero();
        }
    }
}
