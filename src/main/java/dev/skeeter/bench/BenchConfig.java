package dev.skeeter.bench;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one bench run needs. Build it with {@link #builder()}; {@code build()} checks the values and fills
 * scenario-dependent defaults (publisher and subscriber counts).
 *
 * @param tls         null for plain TCP
 * @param rate        messages per second per publisher, 0 for as fast as the broker takes them
 * @param maxInflight cap on unacknowledged PUBLISH packets per client at QoS 1 and 2; in an unthrottled round
 *                    trip also the cap on requests still waiting for their reply
 * @param threads     event-loop threads serving every connection
 * @param brokerPid   a local broker process whose CPU use to report (Linux), or 0
 */
public record BenchConfig(String host, int port, SslContext tls, String username, char[] password,
                          Scenario scenario, int qos, int publishers, int subscribers, int maxInflight,
                          int payloadSize, double rate, Duration warmup, Duration duration, Duration drainTimeout,
                          int threads, long brokerPid) {

    public BenchConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        require(port > 0 && port < 65536, "port must be 1-65535");
        require(qos >= 0 && qos <= 2, "QoS must be 0, 1 or 2");
        require(publishers >= 1 && publishers <= 10_000, "publishers must be 1-10000");
        require(subscribers >= 1 && subscribers <= 10_000, "subscribers must be 1-10000");
        require(maxInflight >= 1 && maxInflight <= 65_535, "max-inflight must be 1-65535");
        require(payloadSize >= BenchPayload.HEADER_BYTES && payloadSize <= 256_000_000,
                "payload size must be at least " + BenchPayload.HEADER_BYTES
                        + " bytes (publisher id, sequence number, send time)");
        require(rate >= 0 && Double.isFinite(rate), "rate must be 0 (unthrottled) or positive");
        require(!warmup.isNegative(), "warm-up must not be negative");
        require(!duration.isNegative() && !duration.isZero(), "duration must be positive");
        require(!drainTimeout.isNegative(), "drain timeout must not be negative");
        require(threads >= 1 && threads <= 64, "threads must be 1-64");
        require(brokerPid >= 0, "broker pid must be positive");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** How many subscribing connections each published message is expected to reach. */
    int deliveriesPerMessage() {
        return scenario == Scenario.ROUND_TRIP ? 1 : subscribers;
    }

    /** The CONNECT of one bench connection: MQTT 3.1.1, clean session, with this config's credentials. */
    MqttConnectMessage connect(String clientId, int keepAliveSeconds) {
        var connect = MqttMessageBuilders.connect().clientId(clientId).protocolVersion(MqttVersion.MQTT_3_1_1)
                .cleanSession(true).keepAlive(keepAliveSeconds);
        if (username != null) {
            connect.hasUser(true).username(username);
        }
        if (password != null) {
            connect.hasPassword(true).password(new String(password).getBytes(StandardCharsets.UTF_8));
        }
        return connect.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private String host = "localhost";
        private int port = 1883;
        private SslContext tls;
        private String username;
        private char[] password;
        private Scenario scenario = Scenario.FAN_IN;
        private int qos;
        private Integer publishers;
        private Integer subscribers;
        private int maxInflight = 20;
        private int payloadSize = 64;
        private double rate;
        private Duration warmup = Duration.ofSeconds(2);
        private Duration duration = Duration.ofSeconds(10);
        private Duration drainTimeout = Duration.ofSeconds(5);
        /**
         * Two even on one CPU (taskset): the receivers then have a thread of their own, and the kernel shares the
         * core between them and the publishers instead of an unthrottled publisher taking the one event loop.
         */
        private int threads = 2;
        private long brokerPid;

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder tls(SslContext tls) { this.tls = tls; return this; }
        public Builder username(String username) { this.username = username; return this; }
        public Builder password(char[] password) { this.password = password; return this; }
        public Builder scenario(Scenario scenario) { this.scenario = scenario; return this; }
        public Builder qos(int qos) { this.qos = qos; return this; }
        /** Null keeps the scenario's default. */
        public Builder publishers(Integer publishers) { this.publishers = publishers; return this; }
        /** Null keeps the scenario's default. */
        public Builder subscribers(Integer subscribers) { this.subscribers = subscribers; return this; }
        public Builder maxInflight(int maxInflight) { this.maxInflight = maxInflight; return this; }
        public Builder payloadSize(int payloadSize) { this.payloadSize = payloadSize; return this; }
        public Builder rate(double rate) { this.rate = rate; return this; }
        public Builder warmup(Duration warmup) { this.warmup = warmup; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder drainTimeout(Duration drainTimeout) { this.drainTimeout = drainTimeout; return this; }
        public Builder threads(int threads) { this.threads = threads; return this; }
        public Builder brokerPid(long brokerPid) { this.brokerPid = brokerPid; return this; }

        public BenchConfig build() {
            int pubs = publishers != null ? publishers : scenario.defaultPublishers();
            int subs = subscribers != null ? subscribers : scenario.defaultSubscribers();
            return new BenchConfig(host, port, tls, username, password, scenario, qos, pubs, subs, maxInflight,
                    payloadSize, rate, warmup, duration, drainTimeout, threads, brokerPid);
        }
    }
}
