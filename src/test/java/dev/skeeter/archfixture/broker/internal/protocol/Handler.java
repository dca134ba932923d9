package dev.skeeter.archfixture.broker.internal.protocol;

import dev.skeeter.archfixture.broker.internal.transport.MalformedPacketException;

/** Breaks the layering: the protocol reaches up into the transport. */
public final class Handler {
    public void fail() {
        throw new MalformedPacketException();
    }
}
