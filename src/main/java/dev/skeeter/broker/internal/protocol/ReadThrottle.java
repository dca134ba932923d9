package dev.skeeter.broker.internal.protocol;

import dev.skeeter.broker.internal.session.ClientConnection;
import dev.skeeter.broker.internal.session.Session;
import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.Set;

/**
 * Back-pressure on one connection's reads: when a message it publishes lands in a congested session, the channel
 * stops reading until every session it waits for has drained, gone offline or stalled (see
 * {@link Session#awaitDrain}). While the connection's own session is congested it keeps reading, since the
 * acknowledgements that drain it arrive on this channel. Confined to the channel's event loop.
 */
final class ReadThrottle {
    private final Channel channel;
    private final ClientConnection connection;
    /** Sessions this connection paused reading for; it reads again when the set is empty. */
    private final Set<Session> awaited = new HashSet<>();
    private boolean ownSessionCongested;
    private boolean active;
    /** The connection still holds packets read before a pause: it must replay them before reading more. */
    private boolean holding;

    ReadThrottle(Channel channel, ClientConnection connection) {
        this.channel = channel;
        this.connection = connection;
    }

    /** The connection is accepted: from now on this throttle decides whether the channel reads. */
    void start() {
        active = true;
        update();
    }

    /** The connection is closing: reads no longer matter. */
    void stop() {
        active = false;
    }

    /** {@code target} said it is congested after a message from this connection was offered to it. */
    void pauseFor(Session target, Session own) {
        // Never for its own session (a client publishing to itself), nor while its own session is congested: the
        // acknowledgements that drain it come through this channel (two clients publishing to each other).
        if (!active || target == own || ownSessionCongested) {
            return;
        }
        if (awaited.add(target)) {
            update();
            target.awaitDrain(connection);
        }
    }

    void resumed(Session drained) {
        if (awaited.remove(drained)) {
            update();
        }
    }

    /** True while the connection must not handle further publishes (they would land in a congested session). */
    boolean paused() {
        return active && !awaited.isEmpty() && !ownSessionCongested;
    }

    void holding(boolean value) {
        holding = value;
        update();
    }

    void ownSessionCongested(boolean congested) {
        ownSessionCongested = congested;
        update();
    }

    private void update() {
        if (active) {
            channel.config().setAutoRead(!paused() && !holding);
        }
    }
}
