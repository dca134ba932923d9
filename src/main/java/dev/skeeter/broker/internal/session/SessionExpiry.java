package dev.skeeter.broker.internal.session;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto's {@code persistent_client_expiration} for one persistent session: each time its client goes away, a
 * timer; the session expires when it fires and the client has not been back. Used on the session's owner loop.
 */
final class SessionExpiry {
    private final long nanos;
    /** Counts departures, so a timer set at one is void once the client came back (and maybe left again). */
    private volatile long departures;

    SessionExpiry(long nanos) {
        this.nanos = nanos;
    }

    /**
     * The client went away: after the expiry, {@code expire} runs through {@code onOwner} unless the client left
     * again meanwhile; {@code expire} itself checks that the client is still away.
     */
    void clientLeft(EventExecutor timer, Executor onOwner, Runnable expire) {
        if (nanos <= 0) {
            return;
        }
        long departure = ++departures;
        try {
            timer.schedule(() -> onOwner.execute(() -> {
                if (departure == departures) {
                    expire.run();
                }
            }), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The broker is stopping: every session goes with it.
        }
    }
}
