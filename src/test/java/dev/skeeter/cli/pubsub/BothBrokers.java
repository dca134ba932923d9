package dev.skeeter.cli.pubsub;

import dev.skeeter.broker.Broker;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.testsupport.MosquittoBroker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's mosquitto 2 and our broker on free loopback ports, started once for a test class, so that a comparison
 * with mosquitto's tools runs against both: {@code @RegisterExtension static final BothBrokers BROKERS = ...}.
 */
final class BothBrokers implements BeforeAllCallback, AfterAllCallback {
    private MosquittoBroker mosquitto;
    private Broker ours;
    private int oursPort;

    int mosquittoPort() {
        return mosquitto.port();
    }

    int oursPort() {
        return oursPort;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        mosquitto = MosquittoBroker.start();
        ours = Broker.create(BrokerConfig.builder().listener(0, "127.0.0.1").build());
        oursPort = ours.start().get(10, TimeUnit.SECONDS).get(0).getPort();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (ours != null) {
            ours.stop().get(10, TimeUnit.SECONDS);
        }
    }
}
