package dev.skeeter.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * An external daemon (mosquitto, danted) started on a loopback port: its output goes to a file, and
 * {@link #start} returns only once the port accepts connections, failing with what the daemon said if it exits.
 * Its files live in a world-readable directory because such daemons, started as root, drop to their own user,
 * which cannot read a JUnit {@code @TempDir}.
 */
public final class ExternalDaemon implements AutoCloseable {
    private final Process process;

    private ExternalDaemon(Process process) {
        this.process = process;
    }

    private static final List<Path> DIRECTORIES = new CopyOnWriteArrayList<>();

    static {
        // Outside the 0700 @TempDir on purpose, so JUnit does not clean them: the test JVM does on exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DIRECTORIES.forEach(ExternalDaemon::deleteTree),
                "delete-daemon-directories"));
    }

    /**
     * A fresh directory the daemon's unprivileged user can read, for its configuration and files; deleted when
     * the test JVM exits.
     */
    public static Path readableDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        DIRECTORIES.add(dir);
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Runs {@code command} with stdout and stderr in {@code output} and waits (at most 10 s) until 127.0.0.1:port
     * accepts a connection. {@code diagnostics} says what went wrong when the daemon exits before that.
     */
    public static ExternalDaemon start(String name, int port, List<String> command, Path output,
                                       Supplier<String> diagnostics) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        ExternalDaemon daemon = new ExternalDaemon(process);
        try {
            Awaitility.await(name + " listening on " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited: " + diagnostics.get());
                        }
                        return canConnect(port);
                    });
        } catch (RuntimeException e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** A log file's text, or why it cannot be read (e.g. the daemon has not written it yet). */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no " + file.getFileName() + ": " + e.getMessage() + ")";
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
