package dev.skeeter.client;

import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Debian's dante SOCKS5 server on a free loopback port, with a generated configuration and a readable log. */
final class DanteProxy implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    private DanteProxy(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** {@code socksMethod}: "none" or "username" (dante checks the latter against the system's users). */
    static DanteProxy start(String socksMethod) throws IOException {
        Path executable = ExternalTools.require("danted", "dante-server");
        Path dir = Files.createTempDirectory("skeeter-dante-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = MosquittoBroker.freePort();
        Path log = dir.resolve("danted.log");
        Files.write(dir.resolve("danted.conf"), List.of(
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
        Process process = new ProcessBuilder(executable.toString(), "-f", dir.resolve("danted.conf").toString(),
                "-p", dir.resolve("danted.pid").toString(), "-N", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("danted.out").toFile()).start();
        DanteProxy proxy = new DanteProxy(dir, port, process);
        try {
            Awaitility.await("danted listening on " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20)).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("danted exited: " + proxy.output());
                        }
                        return canConnect(port);
                    });
        } catch (RuntimeException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    int port() {
        return port;
    }

    String log() {
        try {
            return Files.readString(dir.resolve("danted.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("danted.out")) + log();
        } catch (IOException e) {
            return log();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static boolean canConnect(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
