package dev.skeeter.client;

import java.io.IOException;

/** A SOCKS5 proxy could not be reached or would not open the connection; the message says which and why. */
public final class SocksException extends IOException {
    public SocksException(String message) {
        super(message);
    }

    public SocksException(String message, Throwable cause) {
        super(message, cause);
    }
}
