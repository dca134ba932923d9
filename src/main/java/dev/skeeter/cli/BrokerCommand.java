package dev.skeeter.cli;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.BrokerConfigFile;
import dev.skeeter.broker.ConfigProblem;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skeeter broker}: runs the embedded broker in the foreground, shaped like {@code mosquitto}. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Runs an MQTT 3.1/3.1.1 broker in the foreground until Ctrl-C, like mosquitto.",
            "Without a config file it listens on port 1883 on loopback only, as mosquitto 2 does."
        })
public final class BrokerCommand implements java.util.concurrent.Callable<Integer> {
    static final String SERVICE_UNIT = "app/conf/skeeter.service";

    @Option(names = {"-c", "--config-file"}, paramLabel = "FILE",
            description = "Configuration file (mosquitto syntax: 'listener PORT [ADDRESS]', 'port PORT').")
    private Path configFile;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Listen on this port on loopback (default 1883 without a config file; 0 = any free port).")
    private Integer port;

    @Option(names = {"-v", "--verbose"}, description = "Log every packet in and out, one line each.")
    private boolean verbose;

    @Option(names = {"-d", "--daemon"}, description = "Not supported: run under a service manager instead.")
    private boolean daemon;

    @Spec
    private CommandSpec spec;

    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    /** Test hook: called with the running broker. */
    Consumer<Broker> onStarted = broker -> { };
    /** Off in tests that run the command inside the test JVM, whose signals are not theirs to take. */
    boolean installSignals = true;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (daemon) {
            err.println("skeeter broker does not fork into the background: that is the service manager's job.");
            err.println("Run it in the foreground under systemd with the unit in " + SERVICE_UNIT + ".");
            err.flush();
            return 1;
        }
        BrokerConfig config;
        try {
            config = buildConfig();
        } catch (BrokerConfigFile.ConfigException e) {
            e.problems().forEach(p -> err.println(p.severity() == ConfigProblem.Severity.ERROR ? "Error: " + p : p));
            err.println(e.errors().size() == 1 ? "1 error: the broker does not start."
                    : e.errors().size() + " errors: the broker does not start.");
            err.flush();
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return 1;
        }
        BrokerProcessFiles processFiles;
        try {
            processFiles = BrokerProcessFiles.start(config, err);
        } catch (java.io.IOException e) {
            err.println("Error: cannot write pid_file " + config.pidFile() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        Broker broker = Broker.create(config);
        List<InetSocketAddress> addresses;
        try {
            addresses = broker.start().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            broker.stop();
            processFiles.stop();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            err.println("Error: " + cause.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.stop();
            processFiles.stop();
            return 1;
        }
        out.println("skeeter broker listening on " + addresses.stream()
                .map(Broker::describe).collect(Collectors.joining(", ")));
        out.flush();
        Thread hook = new Thread(() -> {
            stopRequested.complete(null);
            broker.stop().orTimeout(10, TimeUnit.SECONDS).join();
            processFiles.stop();
        }, "skeeter-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (installSignals) {
            BrokerSignals.install(() -> stopRequested.complete(null), () -> reload(broker, config));
        }
        onStarted.accept(broker);
        stopRequested.join();
        broker.stop().orTimeout(10, TimeUnit.SECONDS).join();
        processFiles.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (Ctrl-C): the hook is stopping the broker.
        }
        return 0;
    }

    /**
     * SIGHUP: reads the file again; the password and ACL files it names are re-read and put in force without
     * dropping anyone. Changed listeners are reported as needing a restart; a file with errors (the config, a
     * password or an ACL file) leaves the broker as it is and says why.
     */
    void reload(Broker broker, BrokerConfig running) {
        var err = spec.commandLine().getErr();
        if (configFile == null) {
            err.println("SIGHUP: no config file to reload (start with -c FILE)");
            err.flush();
            return;
        }
        try {
            BrokerConfig.Builder builder = BrokerConfig.builder().logPackets(verbose);
            BrokerConfigFile.read(configFile, builder).warnings().forEach(err::println);
            if (port != null) {
                builder.listener(port, null);
            }
            BrokerConfig fresh = builder.build();
            List<String> problems = broker.reloadSecurity(fresh);
            if (problems.isEmpty()) {
                err.println("SIGHUP: password and ACL files reloaded");
            } else {
                err.println("SIGHUP: the security files have errors; the rules in force stay:");
                problems.forEach(p -> err.println("Error: " + p));
            }
            if (!fresh.listeners().equals(running.listeners())) {
                err.println("SIGHUP: " + configFile + " reloaded; its listeners changed: restart the broker to apply "
                        + "them");
            } else {
                err.println("SIGHUP: " + configFile + " reloaded; listeners unchanged");
            }
        } catch (BrokerConfigFile.ConfigException e) {
            err.println("SIGHUP: " + configFile + " has errors; the broker keeps running as it is:");
            e.errors().forEach(p -> err.println("Error: " + p));
        }
        err.flush();
    }

    /** Asks a running command to stop, as Ctrl-C does. */
    void requestStop() {
        stopRequested.complete(null);
    }

    private BrokerConfig buildConfig() {
        BrokerConfig.Builder builder = BrokerConfig.builder().logPackets(verbose);
        if (configFile != null) {
            var err = spec.commandLine().getErr();
            BrokerConfigFile.read(configFile, builder).warnings().forEach(w -> err.println(w));
            err.flush();
        }
        if (port != null) {
            // As mosquitto 2: -p alone listens on loopback only.
            builder.listener(port, null);
        }
        return builder.build();
    }
}
