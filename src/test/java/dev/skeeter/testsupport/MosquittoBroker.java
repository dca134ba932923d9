package dev.skeeter.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A real mosquitto 2 from Debian on a free loopback port, for interop tests. Its files live in a world-readable
 * directory because mosquitto, started as root, drops to its own user, which cannot read a JUnit {@code @TempDir}.
 */
public final class MosquittoBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    private MosquittoBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts mosquitto with a TCP listener on a free port plus the given extra config lines. */
    public static MosquittoBroker start(String... extraConfigLines) throws IOException {
        Path executable = ExternalTools.require("mosquitto", "mosquitto");
        Path dir = Files.createTempDirectory("skeeter-mosquitto-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = freePort();
        List<String> config = new ArrayList<>();
        config.add("user root");
        config.add("listener " + port + " 127.0.0.1");
        config.add("allow_anonymous true");
        config.add("log_dest stderr");
        config.addAll(List.of(extraConfigLines));
        Path conf = dir.resolve("mosquitto.conf");
        Files.write(conf, config);
        Process process = new ProcessBuilder(executable.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        MosquittoBroker broker = new MosquittoBroker(dir, port, process);
        try {
            Awaitility.await("mosquitto listening on " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("mosquitto exited: " + broker.log());
                        }
                        return canConnect(port);
                    });
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
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
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
