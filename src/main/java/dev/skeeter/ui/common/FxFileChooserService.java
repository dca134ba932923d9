package dev.skeeter.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * {@link FileChooserService} over JavaFX's {@link FileChooser}, owned by the given window; the next dialog opens in
 * the folder of the last file picked. FX thread only.
 */
public final class FxFileChooserService implements FileChooserService {
    private final Supplier<Window> owner;
    private File lastDirectory;

    public FxFileChooserService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> open(String title, String... extensions) {
        return remember(chooser(title, extensions).showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> save(String title, String initialName, String... extensions) {
        FileChooser chooser = chooser(title, extensions);
        chooser.setInitialFileName(initialName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> directory(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File chosen = chooser.showDialog(owner.get());
        if (chosen != null) {
            lastDirectory = chosen;
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    private FileChooser chooser(String title, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (extensions.length > 0) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions),
                    List.of(extensions)));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        }
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null && file.getParentFile() != null) {
            lastDirectory = file.getParentFile();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
