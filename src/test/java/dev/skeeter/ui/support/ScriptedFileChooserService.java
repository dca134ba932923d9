package dev.skeeter.ui.support;

import dev.skeeter.ui.common.FileChooserService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Answers file and folder questions from a script, and remembers the titles asked: FileChooser needs a desktop. */
public final class ScriptedFileChooserService implements FileChooserService {
    private final Deque<Path> answers = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();

    public synchronized ScriptedFileChooserService answer(Path path) {
        answers.add(path);
        return this;
    }

    public synchronized List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public synchronized Optional<Path> open(String title, String... extensions) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public synchronized Optional<Path> save(String title, String initialName, String... extensions) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public synchronized Optional<Path> directory(String title) {
        asked.add(title);
        return Optional.ofNullable(answers.poll());
    }
}
