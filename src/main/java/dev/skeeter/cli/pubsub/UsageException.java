package dev.skeeter.cli.pubsub;

/** A flag or combination mosquitto's tools refuse; {@code text} is exactly what goes to stderr. */
public final class UsageException extends Exception {
    private final boolean showHint;

    UsageException(String text, boolean showHint) {
        super(text);
        this.showHint = showHint;
    }

    /** An error that mosquitto follows with its "Use ... --help" line. */
    static UsageException withHint(String text) {
        return new UsageException(text, true);
    }

    /** mosquitto's answer to a flag it does not know, or one that belongs to the other tool. */
    static UsageException unknownOption(String flag) {
        return withHint("Error: Unknown option '" + flag + "'.\n");
    }

    /** The lines to print, newlines included. */
    public String text() {
        return getMessage();
    }

    /** Whether mosquitto follows the error with its "Use ... --help" line. */
    public boolean showHint() {
        return showHint;
    }
}
