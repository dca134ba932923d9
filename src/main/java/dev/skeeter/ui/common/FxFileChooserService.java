package dev.skeeter.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link FileChooserService} over JavaFX's {@link FileChooser}, owned by the given window. FX thread only. */
public final class FxFileChooserService implements FileChooserService {
    private final Supplier<Window> owner;

    public FxFileChooserService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> open(String title, String... extensions) {
        return Optional.ofNullable(chooser(title, extensions).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> save(String title, String initialName, String... extensions) {
        FileChooser chooser = chooser(title, extensions);
        chooser.setInitialFileName(initialName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser chooser(String title, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (extensions.length > 0) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions),
                    List.of(extensions)));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        }
        return chooser;
    }
}
