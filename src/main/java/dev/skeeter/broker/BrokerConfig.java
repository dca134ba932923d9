package dev.skeeter.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Broker} runs; immutable, made with {@link #builder()}. Defaults follow mosquitto 2: one listener on
 * port 1883 on loopback when none is given, 20 messages in flight and 1000 queued per client.
 */
public final class BrokerConfig {
    /** The largest remaining length the MQTT fixed header can express (256 MB). */
    public static final int PROTOCOL_MAX_PACKET_SIZE = 268_435_455;

    private final List<Listener> listeners;
    private final int maxInflightMessages;
    private final int maxQueuedMessages;
    private final int maxPacketSize;
    private final int messageSizeLimit;
    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final Authenticator authenticator;
    private final boolean logPackets;
    private final int ioThreads;

    private BrokerConfig(Builder b) {
        this.listeners = b.listeners.isEmpty() ? List.of(new Listener(1883, null)) : List.copyOf(b.listeners);
        this.maxInflightMessages = b.maxInflightMessages;
        this.maxQueuedMessages = b.maxQueuedMessages;
        this.maxPacketSize = b.maxPacketSize;
        this.messageSizeLimit = b.messageSizeLimit;
        this.connectTimeout = b.connectTimeout;
        this.stallTimeout = b.stallTimeout;
        this.authenticator = b.authenticator;
        this.logPackets = b.logPackets;
        this.ioThreads = b.ioThreads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.listeners.addAll(listeners);
        return b.maxInflightMessages(maxInflightMessages).maxQueuedMessages(maxQueuedMessages)
                .maxPacketSize(maxPacketSize).messageSizeLimit(messageSizeLimit).connectTimeout(connectTimeout)
                .stallTimeout(stallTimeout).authenticator(authenticator).logPackets(logPackets).ioThreads(ioThreads);
    }

    public List<Listener> listeners() {
        return listeners;
    }

    public int maxInflightMessages() {
        return maxInflightMessages;
    }

    /**
     * Messages queued per client behind the in-flight window (mosquitto's {@code max_queued_messages}); 0 means no
     * limit. Beyond it QoS 0 messages are dropped (counted), and so are QoS 1 and 2 ones for offline clients and for
     * stalled subscribers; a connected subscriber that keeps reading slows its publishers down instead (back-pressure),
     * so QoS 1 and 2 messages the broker acknowledged are not dropped for it.
     */
    public int maxQueuedMessages() {
        return maxQueuedMessages;
    }

    public int maxPacketSize() {
        return maxPacketSize;
    }

    /** Largest PUBLISH payload accepted; larger ones are acknowledged and dropped. 0 means no limit. */
    public int messageSizeLimit() {
        return messageSizeLimit;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Back-pressure: a subscriber with more messages waiting than its high-water mark makes its publishers pause
     * reading until it drains. If it makes no progress at all for this long (a client that stopped reading), its
     * publishers stop waiting for it and the queue bound applies. Default 2 s.
     */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    public Authenticator authenticator() {
        return authenticator;
    }

    /** Whether every packet in and out is logged, one line each, as {@code mosquitto -v}. */
    public boolean logPackets() {
        return logPackets;
    }

    /** Event-loop threads for connections; 0 picks a default from the processor count. */
    public int ioThreads() {
        return ioThreads;
    }

    /** A TCP listener. {@code bindAddress} null means loopback; port 0 means any free port. */
    public record Listener(int port, String bindAddress) {
        public Listener {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** Not thread-safe; build once and share the immutable result. */
    public static final class Builder {
        private final List<Listener> listeners = new ArrayList<>();
        private int maxInflightMessages = 20;
        private int maxQueuedMessages = 1000;
        private int maxPacketSize = PROTOCOL_MAX_PACKET_SIZE;
        private int messageSizeLimit;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration stallTimeout = Duration.ofSeconds(2);
        private Authenticator authenticator = Authenticator.ALLOW_ALL;
        private boolean logPackets;
        private int ioThreads;

        private Builder() {
        }

        /** Adds a TCP listener; {@code bindAddress} null means loopback, port 0 any free port. */
        public Builder listener(int port, String bindAddress) {
            listeners.add(new Listener(port, bindAddress));
            return this;
        }

        public Builder clearListeners() {
            listeners.clear();
            return this;
        }

        public Builder maxInflightMessages(int value) {
            maxInflightMessages = positive("maxInflightMessages", value);
            return this;
        }

        public Builder maxQueuedMessages(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxQueuedMessages must be >= 0: " + value);
            }
            maxQueuedMessages = value;
            return this;
        }

        public Builder maxPacketSize(int value) {
            if (value < 2 || value > PROTOCOL_MAX_PACKET_SIZE) {
                throw new IllegalArgumentException("maxPacketSize out of range: " + value);
            }
            maxPacketSize = value;
            return this;
        }

        public Builder messageSizeLimit(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("messageSizeLimit must be >= 0: " + value);
            }
            messageSizeLimit = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + value);
            }
            connectTimeout = value;
            return this;
        }

        /** See {@link BrokerConfig#stallTimeout()}. */
        public Builder stallTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("stallTimeout must be positive: " + value);
            }
            stallTimeout = value;
            return this;
        }

        public Builder authenticator(Authenticator value) {
            authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        public Builder logPackets(boolean value) {
            logPackets = value;
            return this;
        }

        public Builder ioThreads(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("ioThreads must be >= 0: " + value);
            }
            ioThreads = value;
            return this;
        }

        public BrokerConfig build() {
            return new BrokerConfig(this);
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1: " + value);
            }
            return value;
        }
    }
}
