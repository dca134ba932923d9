package dev.skeeter.certs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Files that would be overwritten; nothing was written. The caller says how to overwrite or rename. */
public final class ExistingFilesException extends IOException {
    private final List<Path> files;

    public ExistingFilesException(List<Path> files) {
        super((files.size() == 1 ? "file already exists: " : "files already exist: ")
                + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        this.files = List.copyOf(files);
    }

    public List<Path> files() {
        return files;
    }
}
