package dev.skeeter.archfixture.broker.internal.transport;

/** Breaks "MalformedPacketException lives with the protocol". */
public final class MalformedPacketException extends RuntimeException {
    private static final long serialVersionUID = 1L;
}
