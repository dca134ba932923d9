package dev.skeeter.broker;

/**
 * One finding in a config file: an error (the broker does not start) or a warning (an option it does not implement
 * and ignores). {@link #toString()} reads like a compiler message: {@code "skeeter.conf:7: unknown option 'foo'"}.
 */
public record ConfigProblem(Severity severity, String file, int line, String option, String message) {

    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        String prefix = line > 0 ? file + ":" + line + ": " : ""; // line 0: the file itself, which names itself
        return prefix + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
