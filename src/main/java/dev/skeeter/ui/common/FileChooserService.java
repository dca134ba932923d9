package dev.skeeter.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user for files and folders. Injected so tests can answer without a native dialog ({@code FileChooser}
 * does not work under headless Monocle). Called on the FX thread.
 */
public interface FileChooserService {
    /** A file name filter, e.g. {@code new Filter("PEM files", "*.pem", "*.crt")}. */
    record Filter(String description, List<String> patterns) {
        public Filter(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    Optional<Path> openFile(String title, List<Filter> filters);

    Optional<Path> saveFile(String title, String suggestedName, List<Filter> filters);

    Optional<Path> chooseDirectory(String title);
}
