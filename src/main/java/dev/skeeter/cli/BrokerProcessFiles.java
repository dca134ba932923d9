package dev.skeeter.cli;

import dev.skeeter.broker.BrokerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What mosquitto does to the process around a running broker: {@code pid_file} (written at start, atomically,
 * removed at stop) and {@code user}, which a JVM cannot honour (it has no way to drop root privileges), so the
 * broker says so plainly instead of pretending. Used on the command's thread.
 */
final class BrokerProcessFiles {
    private final Path pidFile;

    private BrokerProcessFiles(Path pidFile) {
        this.pidFile = pidFile;
    }

    /** Warns about {@code user} and writes the pid file; an unwritable pid file is an error, as in mosquitto. */
    static BrokerProcessFiles start(BrokerConfig config, PrintWriter err) throws IOException {
        if (config.user() != null) {
            String running = System.getProperty("user.name");
            err.println("Warning: user " + config.user() + ": a Java process cannot drop its privileges, so the "
                    + "broker keeps running as " + running + ". Start it as " + config.user()
                    + " instead (e.g. User= in the systemd unit).");
            err.flush();
        }
        Path file = config.pidFile();
        if (file != null) {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".skeeter-pid", ".tmp");
            try {
                Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return new BrokerProcessFiles(file);
    }

    /** Removes the pid file (mosquitto removes it on a clean exit). */
    void stop() {
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // Nothing to do at exit; the next start replaces it.
            }
        }
    }
}
