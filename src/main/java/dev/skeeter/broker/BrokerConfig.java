package dev.skeeter.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Broker} runs; immutable, made with {@link #builder()}. Everything a mosquitto-style config file sets
 * ({@link BrokerConfigFile}) is here, so embedders need no file. Defaults follow mosquitto 2: one listener on port
 * 1883 on loopback when none is given, 20 messages in flight and 1000 queued per client.
 */
public final class BrokerConfig {
    /** The largest remaining length the MQTT fixed header can express (256 MB). */
    public static final int PROTOCOL_MAX_PACKET_SIZE = 268_435_455;

    private final List<ListenerConfig> listeners;
    private final boolean perListenerSettings;
    private final ListenerSecurity security;
    private final long maxQueuedBytes;
    private final boolean queueQos0Messages;
    private final int maxKeepalive;
    private final Duration persistentClientExpiration;
    private final boolean retainAvailable;
    private final boolean upgradeOutgoingQos;
    private final boolean tcpNoDelay;
    private final Path pidFile;
    private final String user;
    private final LogSettings log;
    private final Duration sysInterval;
    private final int maxInflightMessages;
    private final int maxQueuedMessages;
    private final int maxPacketSize;
    private final int messageSizeLimit;
    private final Duration connectTimeout;
    private final Duration stallTimeout;
    private final Authenticator authenticator;
    private final Authoriser authoriser;
    private final boolean logPackets;
    private final int ioThreads;

    private BrokerConfig(Builder b) {
        this.listeners = b.listeners.isEmpty() ? List.of(new ListenerConfig(1883, null)) : List.copyOf(b.listeners);
        this.perListenerSettings = b.perListenerSettings;
        this.security = b.security;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.queueQos0Messages = b.queueQos0Messages;
        this.maxKeepalive = b.maxKeepalive;
        this.persistentClientExpiration = b.persistentClientExpiration;
        this.retainAvailable = b.retainAvailable;
        this.upgradeOutgoingQos = b.upgradeOutgoingQos;
        this.tcpNoDelay = b.tcpNoDelay;
        this.pidFile = b.pidFile;
        this.user = b.user;
        this.log = b.log;
        this.sysInterval = b.sysInterval;
        this.maxInflightMessages = b.maxInflightMessages;
        this.maxQueuedMessages = b.maxQueuedMessages;
        this.maxPacketSize = b.maxPacketSize;
        this.messageSizeLimit = b.messageSizeLimit;
        this.connectTimeout = b.connectTimeout;
        this.stallTimeout = b.stallTimeout;
        this.authenticator = b.authenticator;
        this.authoriser = b.authoriser;
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
                .stallTimeout(stallTimeout).authenticator(authenticator).authoriser(authoriser).logPackets(logPackets)
                .ioThreads(ioThreads)
                .perListenerSettings(perListenerSettings).security(security).maxQueuedBytes(maxQueuedBytes)
                .queueQos0Messages(queueQos0Messages).maxKeepalive(maxKeepalive)
                .persistentClientExpiration(persistentClientExpiration).retainAvailable(retainAvailable)
                .upgradeOutgoingQos(upgradeOutgoingQos).tcpNoDelay(tcpNoDelay).pidFile(pidFile).user(user).log(log)
                .sysInterval(sysInterval);
    }

    public List<ListenerConfig> listeners() {
        return listeners;
    }

    /** Mosquitto's {@code per_listener_settings}: each listener has its own {@link ListenerSecurity}. */
    public boolean perListenerSettings() {
        return perListenerSettings;
    }

    /** The broker-wide security settings (all of them when {@link #perListenerSettings()} is off). */
    public ListenerSecurity security() {
        return security;
    }

    /** The security settings that apply to clients of {@code listener}. */
    public ListenerSecurity securityOf(ListenerConfig listener) {
        if (!perListenerSettings) {
            return security;
        }
        return listener.security() == null ? ListenerSecurity.DEFAULTS : listener.security();
    }

    /** Bytes queued per client behind the in-flight window ({@code max_queued_bytes}); 0 means no limit. */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** Whether QoS 0 messages are queued for offline clients with a persistent session. */
    public boolean queueQos0Messages() {
        return queueQos0Messages;
    }

    /** The longest keepalive accepted, in seconds; a client asking for more (or for none) is refused. */
    public int maxKeepalive() {
        return maxKeepalive;
    }

    /** How long a persistent session outlives its client's last connection; null for ever. */
    public Duration persistentClientExpiration() {
        return persistentClientExpiration;
    }

    /** When false a retained PUBLISH is a protocol error that closes the connection, as in mosquitto. */
    public boolean retainAvailable() {
        return retainAvailable;
    }

    /** Deliver at the subscription's QoS instead of the lower of it and the publish QoS (non-conforming). */
    public boolean upgradeOutgoingQos() {
        return upgradeOutgoingQos;
    }

    /** TCP_NODELAY on client sockets; on by default here (mosquitto's default is off) for low round trips. */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /** Where {@code skeeter broker} writes its process id; null for nowhere. */
    public Path pidFile() {
        return pidFile;
    }

    /** The account the broker should run as ({@code user}); null when not set. */
    public String user() {
        return user;
    }

    public LogSettings log() {
        return log;
    }

    /** How often the {@code $SYS} topics are published; zero turns them off. */
    public Duration sysInterval() {
        return sysInterval;
    }

    public int maxInflightMessages() {
        return maxInflightMessages;
    }

    /**
     * Messages queued per client behind the in-flight window ({@code max_queued_messages}); 0 means no limit. Beyond
     * it QoS 0 messages are dropped (counted), and QoS 1 and 2 ones for offline or stalled clients; a subscriber that
     * keeps reading slows its publishers down instead (back-pressure).
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

    /** How long publishers wait for a subscriber that makes no progress before its queue bound applies (2 s). */
    public Duration stallTimeout() {
        return stallTimeout;
    }

    /** Who may connect; {@link Authenticator#ALLOW_ALL} (the default) leaves it to the password file. */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** What clients may do; {@link Authoriser#ALLOW_ALL} (the default) leaves it to the ACL file. */
    public Authoriser authoriser() {
        return authoriser;
    }

    /** Whether every packet in and out is logged, one line each, as {@code mosquitto -v}. */
    public boolean logPackets() {
        return logPackets;
    }

    /** Event-loop threads for connections; 0 picks a default from the processor count. */
    public int ioThreads() {
        return ioThreads;
    }

    /** Not thread-safe; build once and share the immutable result. */
    public static final class Builder {
        private final List<ListenerConfig> listeners = new ArrayList<>();
        private boolean perListenerSettings;
        private ListenerSecurity security = ListenerSecurity.DEFAULTS;
        private long maxQueuedBytes;
        private boolean queueQos0Messages;
        private int maxKeepalive = 65_535;
        private Duration persistentClientExpiration;
        private boolean retainAvailable = true;
        private boolean upgradeOutgoingQos;
        private boolean tcpNoDelay = true;
        private Path pidFile;
        private String user;
        private LogSettings log = LogSettings.DEFAULTS;
        private Duration sysInterval = Duration.ofSeconds(10);
        private int maxInflightMessages = 20;
        private int maxQueuedMessages = 1000;
        private int maxPacketSize = PROTOCOL_MAX_PACKET_SIZE;
        private int messageSizeLimit;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration stallTimeout = Duration.ofSeconds(2);
        private Authenticator authenticator = Authenticator.ALLOW_ALL;
        private Authoriser authoriser = Authoriser.ALLOW_ALL;
        private boolean logPackets;
        private int ioThreads;

        private Builder() { }

        /** Adds a TCP listener; {@code bindAddress} null means loopback, port 0 any free port. */
        public Builder listener(int port, String bindAddress) {
            listeners.add(new ListenerConfig(port, bindAddress));
            return this;
        }

        /** Adds a listener of any kind (TLS, WebSockets, per-listener security). */
        public Builder listener(ListenerConfig listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Builder perListenerSettings(boolean value) {
            perListenerSettings = value;
            return this;
        }

        public Builder security(ListenerSecurity value) {
            security = Objects.requireNonNull(value, "security");
            return this;
        }

        public Builder maxQueuedBytes(long value) {
            maxQueuedBytes = Require.atLeast("maxQueuedBytes", value, 0);
            return this;
        }

        public Builder queueQos0Messages(boolean value) {
            queueQos0Messages = value;
            return this;
        }

        public Builder maxKeepalive(int value) {
            maxKeepalive = Require.between("maxKeepalive", value, 0, 65_535);
            return this;
        }

        public Builder persistentClientExpiration(Duration value) {
            persistentClientExpiration = value == null ? null : Require.positive("persistentClientExpiration", value);
            return this;
        }

        public Builder retainAvailable(boolean value) {
            retainAvailable = value;
            return this;
        }

        public Builder upgradeOutgoingQos(boolean value) {
            upgradeOutgoingQos = value;
            return this;
        }

        public Builder tcpNoDelay(boolean value) {
            tcpNoDelay = value;
            return this;
        }

        public Builder pidFile(Path value) {
            pidFile = value;
            return this;
        }

        public Builder user(String value) {
            user = value;
            return this;
        }

        public Builder log(LogSettings value) {
            log = Objects.requireNonNull(value, "log");
            return this;
        }

        public Builder sysInterval(Duration value) {
            sysInterval = Require.notNegative("sysInterval", value);
            return this;
        }

        public Builder clearListeners() {
            listeners.clear();
            return this;
        }

        public Builder maxInflightMessages(int value) {
            maxInflightMessages = Require.atLeast("maxInflightMessages", value, 1);
            return this;
        }

        public Builder maxQueuedMessages(int value) {
            maxQueuedMessages = Require.atLeast("maxQueuedMessages", value, 0);
            return this;
        }

        public Builder maxPacketSize(int value) {
            maxPacketSize = Require.between("maxPacketSize", value, 2, PROTOCOL_MAX_PACKET_SIZE);
            return this;
        }

        public Builder messageSizeLimit(int value) {
            messageSizeLimit = Require.atLeast("messageSizeLimit", value, 0);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = Require.positive("connectTimeout", value);
            return this;
        }

        public Builder stallTimeout(Duration value) {
            stallTimeout = Require.positive("stallTimeout", value);
            return this;
        }

        public Builder authenticator(Authenticator value) {
            authenticator = Objects.requireNonNull(value, "authenticator");
            return this;
        }

        /** Replaces the ACL file (on every listener) with the program's own decisions. */
        public Builder authoriser(Authoriser value) {
            authoriser = Objects.requireNonNull(value, "authoriser");
            return this;
        }

        public Builder logPackets(boolean value) {
            logPackets = value;
            return this;
        }

        public Builder ioThreads(int value) {
            ioThreads = Require.atLeast("ioThreads", value, 0);
            return this;
        }

        public BrokerConfig build() {
            return new BrokerConfig(this);
        }
    }
}
