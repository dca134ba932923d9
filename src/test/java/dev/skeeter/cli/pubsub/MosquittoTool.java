package dev.skeeter.cli.pubsub;

import dev.skeeter.testsupport.ExternalTools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs mosquitto_pub or mosquitto_sub from Debian as a process; output goes to files readable while it runs. */
final class MosquittoTool implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private MosquittoTool(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code mosquitto_<tool>} with {@code args}; {@code stdin} (may be null) is fed to it. */
    static MosquittoTool start(String tool, byte[] stdin, String... args) {
        Path executable = ExternalTools.require("mosquitto_" + tool, "mosquitto-clients");
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        return start(command, stdin);
    }

    /**
     * Starts {@code skeeter <tool>} the same way, in a JVM of its own, where a test needs a real process: signals,
     * or an abrupt end. {@code configDir} keeps the user's default-options files out.
     */
    static MosquittoTool skeeter(Path configDir, String tool, byte[] stdin, String... args) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Dskeeter.config.dir=" + configDir,
                "-cp", System.getProperty("java.class.path"), "dev.skeeter.Main", tool));
        command.addAll(List.of(args));
        return start(command, stdin);
    }

    /** Sends {@code signal} (INT, TERM, ...) to the process. */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static MosquittoTool start(List<String> command, byte[] stdin) {
        try {
            Path out = Files.createTempFile("mosquitto-out", ".bin");
            Path err = Files.createTempFile("mosquitto-err", ".txt");
            out.toFile().deleteOnExit();
            err.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            if (stdin == null) {
                builder.redirectInput(new File("/dev/null"));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin);
                }
            }
            return new MosquittoTool(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end (at most 30 s). */
    static MosquittoTool run(String tool, byte[] stdin, String... args) {
        MosquittoTool run = start(tool, stdin, args);
        run.await();
        return run;
    }

    MosquittoTool await() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mosquitto tool did not finish: " + err());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return this;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    byte[] out() {
        try {
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String err() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
