package dev.skeeter.broker.internal;

import dev.skeeter.broker.BrokerListener;
import dev.skeeter.broker.BrokerLogEvent;
import dev.skeeter.broker.ClientInfo;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans broker events out to slf4j and to the embedder's listeners. Thread-safe; called on event loops, so a
 * listener that throws is logged and never disturbs the connection that caused the event.
 */
public final class BrokerEvents {
    private static final Logger LOG = LoggerFactory.getLogger("dev.skeeter.broker");
    private static final Logger PACKETS = LoggerFactory.getLogger("dev.skeeter.broker.packets");

    private final List<BrokerListener> listeners = new CopyOnWriteArrayList<>();

    public void add(BrokerListener listener) {
        listeners.add(listener);
    }

    public void remove(BrokerListener listener) {
        listeners.remove(listener);
    }

    public void clientConnected(ClientInfo client) {
        for (BrokerListener l : listeners) {
            try {
                l.clientConnected(client);
            } catch (RuntimeException e) {
                LOG.warn("Broker listener failed on connect", e);
            }
        }
    }

    public void clientDisconnected(ClientInfo client, String reason) {
        for (BrokerListener l : listeners) {
            try {
                l.clientDisconnected(client, reason);
            } catch (RuntimeException e) {
                LOG.warn("Broker listener failed on disconnect", e);
            }
        }
    }

    public void info(String clientId, String message) {
        LOG.info(message);
        publish(BrokerLogEvent.Level.INFO, clientId, message);
    }

    public void warn(String clientId, String message) {
        LOG.warn(message);
        publish(BrokerLogEvent.Level.WARN, clientId, message);
    }

    /** One line per packet for {@code -v}; only called when packet logging is on. */
    public void packet(String clientId, String message) {
        PACKETS.info(message);
        publish(BrokerLogEvent.Level.DEBUG, clientId, message);
    }

    private void publish(BrokerLogEvent.Level level, String clientId, String message) {
        if (listeners.isEmpty()) {
            return;
        }
        BrokerLogEvent event = new BrokerLogEvent(Instant.now(), level, clientId, message);
        for (BrokerListener l : listeners) {
            try {
                l.log(event);
            } catch (RuntimeException e) {
                LOG.warn("Broker listener failed on log", e);
            }
        }
    }
}
