package dev.skeeter.broker.internal.session;

import dev.skeeter.broker.internal.Metrics;
import dev.skeeter.broker.internal.routing.Router;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All sessions by client id. Thread-safe: connections on any event loop look sessions up and replace them; the
 * sessions themselves are then changed on their owner loop only.
 */
public final class SessionRegistry {
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Router<Session> router;
    private final Metrics metrics;
    private final QueueLimits limits;

    public SessionRegistry(Router<Session> router, Metrics metrics, QueueLimits limits) {
        this.router = router;
        this.metrics = metrics;
        this.limits = limits;
    }

    /**
     * Called on {@code connection}'s loop after a CONNECT is accepted. Resumes the persistent session of this
     * client id when there is one and {@code cleanSession} is 0, otherwise starts a new one, discarding any old
     * state [MQTT-3.1.2-6]; a connection still attached to the old session is closed (takeover [MQTT-3.1.4-2]).
     * {@link ClientConnection#sessionReady} follows on the connection's loop. Returns the session, which the
     * connection must {@link Session#detach} when it closes.
     */
    public Session connect(String clientId, boolean cleanSession, ClientConnection connection) {
        Session[] replaced = new Session[1];
        boolean[] resumed = new boolean[1];
        Session session = sessions.compute(clientId, (id, old) -> {
            if (old != null && !cleanSession && old.isPersistent()) {
                resumed[0] = true;
                return old;
            }
            replaced[0] = old;
            return new Session(id, !cleanSession, connection.eventLoop(), this);
        });
        metrics.sessionsNow(sessions.size());
        Session old = replaced[0];
        if (old != null) {
            old.runOnOwner(old::discard);
        }
        // Session present only when a stored session is resumed [MQTT-3.2.2-1] [MQTT-3.2.2-2].
        boolean sessionPresent = resumed[0];
        session.runOnOwner(() -> session.attach(connection, sessionPresent));
        return session;
    }

    void remove(Session session) {
        sessions.remove(session.clientId(), session);
    }

    public int size() {
        return sessions.size();
    }

    /**
     * Messages queued or in flight across all sessions. Read from another thread than the sessions' own, so it is
     * a snapshot that may be a moment old: good for {@code $SYS}, not for decisions.
     */
    public long heldMessages() {
        long held = 0;
        for (Session session : sessions.values()) {
            held += session.heldMessages();
        }
        return held;
    }

    /** Payload bytes of the messages queued or in flight across all sessions; a snapshot, as {@link #heldMessages}. */
    public long heldBytes() {
        long held = 0;
        for (Session session : sessions.values()) {
            held += session.heldBytes();
        }
        return held;
    }

    /** Closes every connection and forgets every session (broker stop). */
    public void clear() {
        sessions.clear();
    }

    Router<Session> router() {
        return router;
    }

    Metrics metrics() {
        return metrics;
    }

    int maxInflight() {
        return limits.maxInflight();
    }

    int maxQueued() {
        return limits.maxQueued();
    }

    QueueLimits limits() {
        return limits;
    }
}
