package dev.skeeter.broker.internal.config;

import dev.skeeter.broker.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** The errors and warnings found so far, in file order. Not thread-safe. */
final class Problems {
    private final List<ConfigProblem> all = new ArrayList<>();

    void error(ConfigLine line, String message) {
        all.add(new ConfigProblem(ConfigProblem.Severity.ERROR, line.file(), line.number(), line.option(), message));
    }

    void error(String file, int lineNumber, String option, String message) {
        all.add(new ConfigProblem(ConfigProblem.Severity.ERROR, file, lineNumber, option, message));
    }

    void warning(ConfigLine line, String message) {
        all.add(new ConfigProblem(ConfigProblem.Severity.WARNING, line.file(), line.number(), line.option(),
                message));
    }

    List<ConfigProblem> all() {
        return List.copyOf(all);
    }

    boolean hasErrors() {
        return all.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
    }
}
