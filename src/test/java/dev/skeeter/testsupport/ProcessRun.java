package dev.skeeter.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (openssl, mosquitto_sub) to completion and keeps its exit code and merged output. */
public record ProcessRun(int exitCode, String output) {
    /**
     * Runs {@code tool} (found with {@link ExternalTools#require}) in {@code dir}; a run that does not end within
     * {@code timeoutSeconds} is killed and reported with exit code -1.
     */
    public static ProcessRun run(Path dir, long timeoutSeconds, String tool, String debianPackage, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require(tool, debianPackage).toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close(); // a tool that asks for a passphrase sees end of input, not a hang
        // read while it runs: a full pipe would block the tool
        var output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        });
        boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return new ProcessRun(ended ? process.exitValue() : -1, output.join());
    }

    public static ProcessRun openssl(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, 60, "openssl", "openssl", args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ":\n" + output;
    }
}
