package dev.skeeter.cli;

import dev.skeeter.bench.Bench;
import dev.skeeter.bench.BenchConfig;
import dev.skeeter.bench.BenchException;
import dev.skeeter.bench.BenchResult;
import dev.skeeter.bench.BenchTls;
import dev.skeeter.bench.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skeeter bench}: load any MQTT broker and report throughput, loss, order and latency. Since {@code -h} is
 * the host (as in mosquitto_pub), help and version are long options only.
 */
@Command(
        name = "bench",
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Measure an MQTT broker: throughput, loss, order and latency, at QoS 0, 1 or 2.",
            "Prints a summary followed by one JSON line (only the JSON line with --json). Stops by itself."
        },
        footer = {
            "",
            "Examples:",
            "  skeeter bench --scenario fan-in -q 1 --publishers 4 --size 64 --duration 10",
            "  skeeter bench --scenario fan-out -q 0 --subscribers 10",
            "  skeeter bench -h broker.example --cafile ca.pem \\",
            "      --scenario round-trip -q 1 --rate 1000 --json"
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--host"}, paramLabel = "HOST", description = "Broker host (default: ${DEFAULT-VALUE}).")
    private String host = "localhost";

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Broker port (default: 1883, or 8883 with TLS).")
    private Integer port;

    @Option(names = {"-u", "--username"}, paramLabel = "USER", description = "User name.")
    private String username;

    @Option(names = {"-P", "--pw"}, paramLabel = "PASSWORD", description = "Password.", arity = "0..1",
            interactive = true)
    private char[] password;

    @Option(names = "--cafile", paramLabel = "FILE", description = "Trusted CA certificates (PEM); enables TLS.")
    private Path caFile;

    @Option(names = "--cert", paramLabel = "FILE", description = "Client certificate (PEM); enables TLS.")
    private Path certFile;

    @Option(names = "--key", paramLabel = "FILE", description = "Client private key (PEM) for --cert.")
    private Path keyFile;

    @Option(names = "--tls-use-os-certs", description = "Enable TLS and trust the JDK's default CAs.")
    private boolean tlsDefaultTrust;

    @Option(names = "--insecure", description = "Do not check that the server certificate names the host.")
    private boolean insecure;

    @Option(names = "--scenario", paramLabel = "NAME", converter = ScenarioConverter.class,
            description = "fan-in, fan-out or round-trip (default: ${DEFAULT-VALUE}).")
    private Scenario scenario = Scenario.FAN_IN;

    @Option(names = {"-q", "--qos"}, paramLabel = "0|1|2", description = "QoS of publishes and subscriptions "
            + "(default: ${DEFAULT-VALUE}).")
    private int qos;

    @Option(names = "--publishers", paramLabel = "N",
            description = "Publishers (requesters in round-trip); default 4 for fan-in, 1 otherwise.")
    private Integer publishers;

    @Option(names = "--subscribers", paramLabel = "N",
            description = "Subscribers; default 1 for fan-in, 10 for fan-out (round-trip has one responder).")
    private Integer subscribers;

    @Option(names = "--max-inflight", paramLabel = "N", description = "Unacknowledged messages per client at QoS "
            + "1/2, and unanswered requests in round-trip without --rate (default: ${DEFAULT-VALUE}).")
    private int maxInflight = 20;

    @Option(names = "--size", paramLabel = "BYTES", description = "Payload size, at least 21 (default: "
            + "${DEFAULT-VALUE}).")
    private int size = 64;

    @Option(names = "--rate", paramLabel = "MSG_PER_S",
            description = "Cap per publisher in messages per second; 0 = unthrottled (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--warmup", paramLabel = "SECONDS", description = "Not counted (default: ${DEFAULT-VALUE}).")
    private double warmup = 2;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Measured time (default: ${DEFAULT-VALUE}).")
    private double duration = 10;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", description = "Wait for messages in flight after "
            + "the measured time; what has not arrived then is lost (default: ${DEFAULT-VALUE}).")
    private double drainTimeout = 5;

    @Option(names = "--threads", paramLabel = "N",
            description = "Event-loop threads for all connections; receivers get half (default: 2).")
    private Integer threads;

    @Option(names = "--broker-pid", paramLabel = "PID",
            description = "Also report the CPU use of this local broker process (Linux).")
    private long brokerPid;

    @Option(names = "--json", description = "Print only the JSON line.")
    private boolean jsonOnly;

    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print version information and exit.")
    private boolean version;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException | IOException e) {
            err.println("skeeter bench: " + e.getMessage());
            err.flush();
            return 2;
        }
        try {
            BenchResult result = Bench.run(config);
            if (!jsonOnly) {
                out.print(result.toSummary());
            }
            out.println(result.toJson());
            out.flush();
            if (result.lostEverything()) {
                err.println("skeeter bench: " + result.errors().get(result.errors().size() - 1));
                err.flush();
                return 1;
            }
            return 0;
        } catch (BenchException e) {
            err.println("skeeter bench: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    BenchConfig config() throws IOException {
        boolean tls = caFile != null || certFile != null || tlsDefaultTrust;
        if (insecure && !tls) {
            throw new IllegalArgumentException("--insecure needs TLS: give --cafile, --cert or --tls-use-os-certs");
        }
        BenchConfig.Builder builder = BenchConfig.builder()
                .host(host)
                .port(port != null ? port : tls ? 8883 : 1883)
                .tls(tls ? BenchTls.clientContext(caFile, certFile, keyFile, insecure) : null)
                .username(username)
                .password(password)
                .scenario(scenario)
                .qos(qos)
                .publishers(publishers)
                .subscribers(subscribers)
                .maxInflight(maxInflight)
                .payloadSize(size)
                .rate(rate)
                .warmup(seconds(warmup, "--warmup"))
                .duration(seconds(duration, "--duration"))
                .drainTimeout(seconds(drainTimeout, "--drain-timeout"))
                .brokerPid(brokerPid);
        if (threads != null) {
            builder.threads(threads);
        }
        return builder.build();
    }

    private static Duration seconds(double value, String option) {
        if (!(value >= 0) || value > 86_400) {
            throw new IllegalArgumentException(option + " must be between 0 and 86400 seconds");
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /** Lets picocli accept {@code fan-in} as well as {@code FAN_IN}. */
    static final class ScenarioConverter implements picocli.CommandLine.ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            return Scenario.parse(value);
        }
    }
}
