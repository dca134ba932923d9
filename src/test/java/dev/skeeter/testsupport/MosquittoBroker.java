package dev.skeeter.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real mosquitto 2 from Debian on a free loopback port, for interop tests. */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final ExternalDaemon daemon;

    private MosquittoBroker(Path dir, int port, ExternalDaemon daemon) {
        this.dir = dir;
        this.port = port;
        this.daemon = daemon;
    }

    /** Starts mosquitto with a TCP listener on a free port plus the given extra config lines. */
    public static MosquittoBroker start(String... extraConfigLines) throws IOException {
        Path executable = ExternalTools.require("mosquitto", "mosquitto");
        Path dir = ExternalDaemon.readableDirectory("skeeter-mosquitto-");
        int port = freePort();
        List<String> config = new ArrayList<>();
        config.add("user root");
        config.add("listener " + port + " 127.0.0.1");
        config.add("allow_anonymous true");
        config.add("log_dest stderr");
        config.addAll(List.of(extraConfigLines));
        Path conf = dir.resolve("mosquitto.conf");
        Files.write(conf, config);
        Path log = dir.resolve("mosquitto.log");
        ExternalDaemon daemon = ExternalDaemon.start("mosquitto", port,
                List.of(executable.toString(), "-c", conf.toString()), log, () -> ExternalDaemon.read(log));
        return new MosquittoBroker(dir, port, daemon);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** A directory mosquitto can read, for password files, ACLs and certificates. */
    public Path dir() {
        return dir;
    }

    public String log() {
        return ExternalDaemon.read(dir.resolve("mosquitto.log"));
    }

    @Override
    public void close() {
        daemon.close();
    }

    public static int freePort() throws IOException {
        return ExternalDaemon.freePort();
    }
}
