package dev.skeeter.ui.support;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;

/** Our embedded broker on a free loopback port, for UI tests. */
public final class TestBroker implements AutoCloseable {
    private final Broker broker;
    private final int port;

    private TestBroker(Broker broker, int port) {
        this.broker = broker;
        this.port = port;
    }

    public static TestBroker start() throws Exception {
        Broker broker = Broker.create(BrokerConfig.builder().listener(0, "127.0.0.1").build());
        int port = broker.start().get(10, SECONDS).get(0).getPort();
        return new TestBroker(broker, port);
    }

    public int port() {
        return port;
    }

    public Broker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.stop().orTimeout(10, SECONDS).join();
    }
}
