package dev.skeeter.bench;

/** A run that could not start or was refused by the broker; the message says why in words a person can act on. */
public final class BenchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
