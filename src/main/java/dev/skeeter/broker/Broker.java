package dev.skeeter.broker;

import dev.skeeter.broker.internal.SkeeterBroker;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An embeddable MQTT 3.1/3.1.1 broker. Thread-safe: every method may be called from any thread. Each broker owns
 * its own Netty event loops, so several brokers can run in one JVM; {@link #stop()} releases all of them.
 *
 * <pre>{@code
 * try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, null).build())) {
 *     int port = broker.start().join().get(0).getPort();
 *     ...
 * }
 * }</pre>
 */
public interface Broker extends AutoCloseable {

    static Broker create(BrokerConfig config) {
        return new SkeeterBroker(config);
    }

    /** Binds every listener. Idempotent; completes with the bound addresses (port 0 becomes the real port). */
    CompletableFuture<List<InetSocketAddress>> start();

    /** Closes every connection and listener and shuts the event loops down. Idempotent. */
    CompletableFuture<Void> stop();

    boolean isRunning();

    /** An immutable snapshot of the counters. */
    BrokerStats stats();

    /** The clients connected right now. */
    List<ClientInfo> clients();

    /** Publishes as the broker itself (for {@code $SYS} and tests); routed like a client's publish. */
    void publish(String topic, byte[] payload, int qos, boolean retain);

    /** Listeners are called on broker threads and must not block. */
    void addListener(BrokerListener listener);

    void removeListener(BrokerListener listener);

    /**
     * Re-reads the password and ACL files that {@code fresh} names for this broker's listeners (SIGHUP) and puts
     * them in force; connected clients stay and meet the new ACL with their next message. When a file has problems
     * the rules in force stay and the problems are returned, each naming its file and line; empty means reloaded.
     */
    List<String> reloadSecurity(BrokerConfig fresh);

    /** An address as people write it: {@code 127.0.0.1:1883}, {@code [::1]:1883}. */
    static String describe(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0 && address.getAddress() instanceof java.net.Inet6Address) {
            host = host.substring(0, zone);
        }
        if (host.equals("0:0:0:0:0:0:0:0")) {
            host = "::";
        } else if (host.equals("0:0:0:0:0:0:0:1")) {
            host = "::1";
        }
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Stops the broker and waits (bounded) for it. Never call it from a listener callback: use {@link #stop()}. */
    @Override
    default void close() {
        try {
            stop().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("broker did not stop cleanly", e);
        }
    }
}
