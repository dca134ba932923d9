package dev.skeeter.broker.security;

import java.io.IOException;
import java.util.List;

/** A password or ACL file that cannot be used; each problem names the file and line ("file:7: ..."). */
public final class SecurityFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public SecurityFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
