package dev.skeeter.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds Debian tools the tests talk to (mosquitto, mosquitto_pub, openssl, sockd). With {@code CI} set a missing
 * tool fails the test; elsewhere the test is skipped with a message saying how to install it.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    public static Path require(String executable, String debianPackage) {
        Optional<Path> found = find(executable);
        if (found.isPresent()) {
            return found.get();
        }
        String message = executable + " is missing: install it with `apt-get install -y " + debianPackage + "`";
        if (System.getenv("CI") != null) {
            fail(message + " (CI is set, so this test may not skip)");
        }
        abort(message);
        throw new AssertionError("unreachable");
    }

    public static Optional<Path> find(String executable) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, executable);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
