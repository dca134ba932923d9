package dev.skeeter.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A broker on a free loopback port plus Paho clients that are closed with it. For end-to-end tests. */
final class BrokerFixture implements AutoCloseable {
    final Broker broker;
    final int port;
    private final List<MqttClient> clients = new ArrayList<>();

    BrokerFixture() {
        this(BrokerConfig.builder());
    }

    BrokerFixture(BrokerConfig.Builder config) {
        broker = Broker.create(config.clearListeners().listener(0, null).ioThreads(2).build());
        try {
            port = broker.start().get(10, TimeUnit.SECONDS).get(0).getPort();
        } catch (Exception e) {
            broker.close();
            throw new IllegalStateException(e);
        }
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    MqttClient client(String clientId) throws MqttException {
        MqttClient client = new MqttClient(uri(), clientId, new MemoryPersistence());
        clients.add(client);
        return client;
    }

    /** A connected clean-session client. */
    MqttClient connect(String clientId) throws MqttException {
        return connect(clientId, options(true));
    }

    MqttClient connect(String clientId, MqttConnectOptions options) throws MqttException {
        MqttClient client = client(clientId);
        client.connect(options);
        return client;
    }

    static MqttConnectOptions options(boolean cleanSession) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return options;
    }

    /** A connected client whose messages land in the returned inbox. */
    Inbox subscriber(String clientId, String filter, int qos) throws MqttException {
        MqttClient client = client(clientId);
        Inbox inbox = new Inbox(client);
        client.setCallback(inbox);
        client.connect(options(true));
        client.subscribe(filter, qos);
        return inbox;
    }

    @Override
    public void close() {
        for (MqttClient c : clients) {
            try {
                if (c.isConnected()) {
                    c.disconnectForcibly(100, 100);
                }
                c.close(true);
            } catch (MqttException e) {
                // the broker goes away next
            }
        }
        broker.close();
    }

    /** Collects messages a Paho client receives. */
    static final class Inbox implements MqttCallback {
        final MqttClient client;
        final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();

        Inbox(MqttClient client) {
            this.client = client;
        }

        record Received(String topic, String payload, int qos, boolean retained, boolean duplicate) {
        }

        Received next() throws InterruptedException {
            Received r = messages.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no message within 5 s");
            }
            return r;
        }

        /** Null when nothing arrives within {@code wait} (used after a later message proved the flow ran). */
        Received poll(Duration wait) throws InterruptedException {
            return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            messages.add(new Received(topic, new String(message.getPayload()), message.getQos(),
                    message.isRetained(), message.isDuplicate()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
