package dev.skeeter.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the user for a file. Injected into view-models so tests (and headless Monocle, where {@code FileChooser}
 * does not work) can answer without a dialog. Called on the FX thread.
 */
public interface FileChooserService {
    /** A file to read; {@code extensions} like {@code "*.json"}, empty for any file. */
    Optional<Path> open(String title, String... extensions);

    /** A file to write, proposing {@code initialName}. */
    Optional<Path> save(String title, String initialName, String... extensions);

    /** A folder; empty when cancelled or where no folder chooser exists. */
    default Optional<Path> directory(String title) {
        return Optional.empty();
    }
}
