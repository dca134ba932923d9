package dev.skeeter.client;

import dev.skeeter.profiles.Profile;
import java.net.SocketTimeoutException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a connection's connect attempts, on the connection's own thread (files such as CA and keys are read there,
 * never on the caller's). Each attempt has exactly one outcome: connected, failed, or timed out, because Paho's
 * asynchronous connect has no CONNACK timeout of its own. A timed-out attempt abandons its Paho client, and an
 * answer that arrives after the timeout is hung up on.
 */
final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    /** What became of one attempt; every method is called on the connection's own thread. */
    interface Outcome {
        /** The profile's transport was set up (before the broker is contacted). */
        void prepared(Transports.Prepared transport);

        void connected(boolean sessionPresent);

        void failed(ConnectionFailure failure, Throwable cause);
    }

    private final PahoClientSlot clients;
    private final EventDispatcher dispatcher;

    Connector(PahoClientSlot clients, EventDispatcher dispatcher) {
        this.clients = clients;
        this.dispatcher = dispatcher;
    }

    /** Runs one attempt; call on the connection's own thread. */
    void attempt(Profile profile, String clientId, char[] password, Outcome outcome) {
        Transports.Prepared prepared;
        try {
            prepared = Transports.prepare(profile, password);
        } catch (Exception e) {
            outcome.failed(ConnectionFailures.ofSetup(e), e);
            return;
        }
        outcome.prepared(prepared);
        int timeoutSeconds = profile.connectTimeoutSeconds();
        ConnectDeadline deadline = new ConnectDeadline(dispatcher, timeoutSeconds, () -> {
            abandon(profile, clientId);
            outcome.failed(ConnectionFailures.timeout(profile, prepared),
                    new SocketTimeoutException("no CONNACK within " + timeoutSeconds + " s"));
        });
        try {
            clients.client().connect(prepared.options(), null, PahoActions.on(dispatcher::runOwn, token -> {
                if (deadline.settle()) {
                    outcome.connected(token.getSessionPresent());
                } else {
                    PahoActions.quietly("disconnect after an abandoned connect", () -> token.getClient().disconnect(0));
                }
            }, (token, error) -> {
                if (deadline.settle()) {
                    outcome.failed(ConnectionFailures.describe(error, profile, prepared), error);
                }
            }));
        } catch (MqttException e) {
            if (deadline.settle()) {
                outcome.failed(ConnectionFailures.describe(e, profile, prepared), e);
            }
        }
    }

    private void abandon(Profile profile, String clientId) {
        try {
            clients.abandon(profile, clientId);
        } catch (MqttException e) {
            LOG.warn("cannot create a Paho client", e);
        }
    }
}
