package dev.skeeter.client;

import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Debian's dante SOCKS5 server on a free loopback port, with a generated configuration and a readable log. */
final class DanteProxy implements AutoCloseable {
    private final Path log;
    private final int port;
    private final ExternalDaemon daemon;

    private DanteProxy(Path log, int port, ExternalDaemon daemon) {
        this.log = log;
        this.port = port;
        this.daemon = daemon;
    }

    /** {@code socksMethod}: "none" or "username" (dante checks the latter against the system's users). */
    static DanteProxy start(String socksMethod) throws IOException {
        Path executable = ExternalTools.require("danted", "dante-server");
        Path dir = ExternalDaemon.readableDirectory("skeeter-dante-");
        int port = ExternalDaemon.freePort();
        Path log = dir.resolve("danted.log");
        Path conf = dir.resolve("danted.conf");
        Files.write(conf, List.of(
                "logoutput: " + log,
                "internal: 127.0.0.1 port = " + port,
                "external: lo",
                "socksmethod: " + socksMethod,
                "clientmethod: none",
                "user.privileged: root",
                "user.unprivileged: nobody",
                "client pass {",
                "  from: 127.0.0.0/8 to: 0.0.0.0/0",
                "  log: connect disconnect error",
                "}",
                "socks pass {",
                "  from: 127.0.0.0/8 to: 0.0.0.0/0",
                "  log: connect disconnect error",
                "}"));
        Path output = dir.resolve("danted.out");
        ExternalDaemon daemon = ExternalDaemon.start("danted", port,
                List.of(executable.toString(), "-f", conf.toString(), "-p", dir.resolve("danted.pid").toString(),
                        "-N", "1"),
                output, () -> ExternalDaemon.read(output) + ExternalDaemon.read(log));
        return new DanteProxy(log, port, daemon);
    }

    int port() {
        return port;
    }

    String log() {
        return ExternalDaemon.read(log);
    }

    @Override
    public void close() {
        daemon.close();
    }
}
