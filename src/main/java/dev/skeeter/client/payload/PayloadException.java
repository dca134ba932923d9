package dev.skeeter.client.payload;

/** A payload could not be converted; the message says why in words a person can act on. */
public class PayloadException extends IllegalArgumentException {
    public PayloadException(String message) {
        super(message);
    }

    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
