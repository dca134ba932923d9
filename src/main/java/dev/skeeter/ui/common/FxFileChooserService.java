package dev.skeeter.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real pickers: JavaFX's native file and folder dialogs, remembering the last folder. FX thread only. */
public final class FxFileChooserService implements FileChooserService {
    private final Supplier<Window> owner;
    private File lastDirectory;

    public FxFileChooserService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> openFile(String title, List<Filter> filters) {
        FileChooser chooser = chooser(title, filters);
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, List<Filter> filters) {
        FileChooser chooser = chooser(title, filters);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File dir = chooser.showDialog(owner.get());
        if (dir != null) {
            lastDirectory = dir;
        }
        return Optional.ofNullable(dir).map(File::toPath);
    }

    private FileChooser chooser(String title, List<Filter> filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (Filter f : filters) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.description(), f.patterns()));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
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
