package dev.skeeter.ui.testsupport;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.profiles.Profile;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedded broker on a free loopback port, and connections to it, closed together. For pane tests, previews
 * and the flood benchmark.
 */
public final class PaneFixture implements AutoCloseable {
    private final Broker broker;
    private final int port;
    private final List<MqttConnection> connections = new ArrayList<>();

    private PaneFixture(Broker broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    public static PaneFixture start() throws Exception {
        return start(BrokerConfig.builder().listener(0, null).build());
    }

    public static PaneFixture start(BrokerConfig config) throws Exception {
        Broker broker = Broker.create(config);
        List<InetSocketAddress> bound = broker.start().get(10, TimeUnit.SECONDS);
        return new PaneFixture(broker, bound.get(0).getPort());
    }

    public Broker broker() {
        return broker;
    }

    public int port() {
        return port;
    }

    public Profile profile(String name) {
        return Profile.create(name, "127.0.0.1", port);
    }

    /** A connected connection. */
    public MqttConnection connect(Profile profile) throws Exception {
        MqttConnection connection = new MqttConnection(profile);
        connections.add(connection);
        connection.connect().get(10, TimeUnit.SECONDS);
        return connection;
    }

    @Override
    public void close() throws Exception {
        for (MqttConnection c : connections) {
            c.close();
        }
        broker.stop().get(10, TimeUnit.SECONDS);
    }
}
