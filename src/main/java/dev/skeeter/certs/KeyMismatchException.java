package dev.skeeter.certs;

import java.io.IOException;

/** A private key that does not belong to the certificate it was given with. */
public final class KeyMismatchException extends IOException {
    public KeyMismatchException(String message) {
        super(message);
    }
}
