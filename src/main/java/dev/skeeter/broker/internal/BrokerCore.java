package dev.skeeter.broker.internal;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ClientInfo;
import dev.skeeter.broker.internal.auth.Guards;
import dev.skeeter.broker.internal.routing.Router;
import dev.skeeter.broker.internal.session.QueueLimits;
import dev.skeeter.broker.internal.session.Session;
import dev.skeeter.broker.internal.session.SessionRegistry;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Everything a connection handler shares with the rest of one broker. Thread-safe (its parts are). */
public final class BrokerCore {
    private final BrokerConfig config;
    private final Metrics metrics = new Metrics();
    private final BrokerEvents events = new BrokerEvents();
    private final Router<Session> router;
    private final SessionRegistry sessions;
    private final ConcurrentHashMap<Channel, ClientInfo> clients = new ConcurrentHashMap<>();
    private final Guards guards;

    public BrokerCore(BrokerConfig config) {
        this.config = config;
        this.router = new Router<>(config.upgradeOutgoingQos());
        this.sessions = new SessionRegistry(router, metrics, QueueLimits.of(config.maxInflightMessages(),
                config.maxQueuedMessages(), config.stallTimeout()).withQueueing(config.maxQueuedBytes(),
                config.queueQos0Messages(), config.persistentClientExpiration()));
        this.guards = new Guards(config);
    }

    /** Who may connect and what they may do, per listener. */
    public Guards guards() {
        return guards;
    }

    public BrokerConfig config() {
        return config;
    }

    public Metrics metrics() {
        return metrics;
    }

    public BrokerEvents events() {
        return events;
    }

    public Router<Session> router() {
        return router;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public void clientConnected(Channel channel, ClientInfo info) {
        clients.put(channel, info);
        metrics.connected();
        events.clientConnected(info);
    }

    public void clientDisconnected(Channel channel, String reason) {
        ClientInfo info = clients.remove(channel);
        if (info != null) {
            metrics.disconnected();
            events.clientDisconnected(info, reason);
        }
    }

    public List<ClientInfo> clients() {
        return new ArrayList<>(clients.values());
    }
}
