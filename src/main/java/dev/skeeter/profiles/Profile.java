package dev.skeeter.profiles;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One connection profile: everything needed to reach a broker. Immutable; edit with the {@code with...} methods
 * or {@link #toBuilder()}. Optional parts ({@link Credentials}, {@link Tls}, {@link LastWill}, {@link Proxy}) are
 * never null: each has a {@code NONE} or default value.
 */
public record Profile(
        String id,
        String name,
        String host,
        int port,
        Transport transport,
        String webSocketPath,
        MqttVersion mqttVersion,
        String clientId,
        boolean cleanSession,
        int keepAliveSeconds,
        int connectTimeoutSeconds,
        boolean autoReconnect,
        Credentials credentials,
        Tls tls,
        LastWill lastWill,
        Proxy proxy) {

    public static final String LOCAL_BROKER_ID = "local-broker";

    public Profile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        transport = transport == null ? Transport.TCP : transport;
        webSocketPath = webSocketPath == null ? "/mqtt" : webSocketPath;
        mqttVersion = mqttVersion == null ? MqttVersion.V3_1_1 : mqttVersion;
        clientId = clientId == null ? "" : clientId;
        credentials = credentials == null ? Credentials.NONE : credentials;
        tls = tls == null ? Tls.DEFAULT : tls;
        lastWill = lastWill == null ? LastWill.NONE : lastWill;
        proxy = proxy == null ? Proxy.NONE : proxy;
    }

    /** A new profile with a fresh id and the usual defaults (TCP, 3.1.1, clean session, keepalive 60 s). */
    public static Profile create(String name, String host, int port) {
        return new Profile(UUID.randomUUID().toString(), name, host, port, Transport.TCP, "/mqtt",
                MqttVersion.V3_1_1, "", true, 60, 10, false, Credentials.NONE, Tls.DEFAULT, LastWill.NONE,
                Proxy.NONE);
    }

    /** The built-in profile that targets the embedded broker. */
    public static Profile localBroker(int port) {
        Profile p = create("Local broker", "127.0.0.1", port);
        return p.toBuilder().id(LOCAL_BROKER_ID).build();
    }

    public boolean isLocalBroker() {
        return LOCAL_BROKER_ID.equals(id);
    }

    /** The server URI Paho takes, e.g. {@code ssl://host:8883} or {@code ws://host:8080/mqtt}. */
    public String serverUri() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String base = transport.scheme() + "://" + hostPart + ":" + port;
        return transport.isWebSocket() ? base + (webSocketPath.startsWith("/") ? "" : "/") + webSocketPath : base;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public enum Transport {
        TCP("tcp", 1883), TLS("ssl", 8883), WEBSOCKET("ws", 8080), SECURE_WEBSOCKET("wss", 8081);

        private final String scheme;
        private final int defaultPort;

        Transport(String scheme, int defaultPort) {
            this.scheme = scheme;
            this.defaultPort = defaultPort;
        }

        public String scheme() {
            return scheme;
        }

        public int defaultPort() {
            return defaultPort;
        }

        public boolean isSecure() {
            return this == TLS || this == SECURE_WEBSOCKET;
        }

        public boolean isWebSocket() {
            return this == WEBSOCKET || this == SECURE_WEBSOCKET;
        }
    }

    public enum MqttVersion {
        V3_1(3, "3.1"), V3_1_1(4, "3.1.1");

        private final int level;
        private final String label;

        MqttVersion(int level, String label) {
            this.level = level;
            this.label = label;
        }

        /** The protocol level byte of CONNECT. */
        public int level() {
            return level;
        }

        public String label() {
            return label;
        }
    }

    /**
     * User name and password. With {@code savePassword} false the password is not stored and is asked at connect;
     * {@code password} is then null.
     */
    public record Credentials(String username, String password, boolean savePassword) {
        public static final Credentials NONE = new Credentials(null, null, true);

        public boolean hasUsername() {
            return username != null && !username.isEmpty();
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=" + (password == null ? "none" : "***")
                    + ", savePassword=" + savePassword + "]";
        }
    }

    public enum TrustSource { SYSTEM, CA_FILE, TRUST_STORE }

    public enum ClientIdentity { NONE, PEM, KEY_STORE }

    /**
     * TLS settings. Hostname verification is on by default; turning it off is a visible choice in the UI.
     * Store types ("PKCS12", "JKS") are guessed from the file when null.
     */
    public record Tls(
            TrustSource trust,
            String caFile,
            String trustStoreFile,
            String trustStorePassword,
            ClientIdentity identity,
            String certificateFile,
            String keyFile,
            String keyPassphrase,
            String keyStoreFile,
            String keyStorePassword,
            boolean verifyHostname,
            String tlsVersion,
            List<String> alpnProtocols) {
        public static final Tls DEFAULT = new Tls(TrustSource.SYSTEM, null, null, null, ClientIdentity.NONE, null,
                null, null, null, null, true, "TLSv1.3", List.of());

        public Tls {
            trust = trust == null ? TrustSource.SYSTEM : trust;
            identity = identity == null ? ClientIdentity.NONE : identity;
            tlsVersion = tlsVersion == null ? "TLSv1.3" : tlsVersion;
            alpnProtocols = alpnProtocols == null ? List.of() : List.copyOf(alpnProtocols);
        }

        @Override
        public String toString() {
            return "Tls[trust=" + trust + ", caFile=" + caFile + ", trustStoreFile=" + trustStoreFile
                    + ", identity=" + identity + ", certificateFile=" + certificateFile + ", keyFile=" + keyFile
                    + ", keyStoreFile=" + keyStoreFile + ", verifyHostname=" + verifyHostname + ", tlsVersion="
                    + tlsVersion + ", alpn=" + alpnProtocols + "]";
        }
    }

    /** The last will; {@link #NONE} (empty topic) means no will. The payload is UTF-8 text. */
    public record LastWill(String topic, int qos, boolean retain, String payload) {
        public static final LastWill NONE = new LastWill("", 0, false, "");

        public LastWill {
            topic = topic == null ? "" : topic;
            payload = payload == null ? "" : payload;
        }

        public boolean isSet() {
            return !topic.isEmpty();
        }
    }

    /** A SOCKS5 proxy; {@link #NONE} (empty host) means connect directly. */
    public record Proxy(String host, int port, String username, String password) {
        public static final Proxy NONE = new Proxy("", 1080, null, null);

        public Proxy {
            host = host == null ? "" : host;
        }

        public boolean isSet() {
            return !host.isEmpty();
        }

        @Override
        public String toString() {
            return "Proxy[host=" + host + ", port=" + port + ", username=" + username + ", password="
                    + (password == null ? "none" : "***") + "]";
        }
    }

    /** Mutable builder over a profile's fields. */
    public static final class Builder {
        private String id;
        private String name;
        private String host;
        private int port;
        private Transport transport;
        private String webSocketPath;
        private MqttVersion mqttVersion;
        private String clientId;
        private boolean cleanSession;
        private int keepAliveSeconds;
        private int connectTimeoutSeconds;
        private boolean autoReconnect;
        private Credentials credentials;
        private Tls tls;
        private LastWill lastWill;
        private Proxy proxy;

        private Builder(Profile p) {
            id = p.id;
            name = p.name;
            host = p.host;
            port = p.port;
            transport = p.transport;
            webSocketPath = p.webSocketPath;
            mqttVersion = p.mqttVersion;
            clientId = p.clientId;
            cleanSession = p.cleanSession;
            keepAliveSeconds = p.keepAliveSeconds;
            connectTimeoutSeconds = p.connectTimeoutSeconds;
            autoReconnect = p.autoReconnect;
            credentials = p.credentials;
            tls = p.tls;
            lastWill = p.lastWill;
            proxy = p.proxy;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder transport(Transport v) { transport = v; return this; }
        public Builder webSocketPath(String v) { webSocketPath = v; return this; }
        public Builder mqttVersion(MqttVersion v) { mqttVersion = v; return this; }
        public Builder clientId(String v) { clientId = v; return this; }
        public Builder cleanSession(boolean v) { cleanSession = v; return this; }
        public Builder keepAliveSeconds(int v) { keepAliveSeconds = v; return this; }
        public Builder connectTimeoutSeconds(int v) { connectTimeoutSeconds = v; return this; }
        public Builder autoReconnect(boolean v) { autoReconnect = v; return this; }
        public Builder credentials(Credentials v) { credentials = v; return this; }
        public Builder tls(Tls v) { tls = v; return this; }
        public Builder lastWill(LastWill v) { lastWill = v; return this; }
        public Builder proxy(Proxy v) { proxy = v; return this; }

        public Profile build() {
            return new Profile(id, name, host, port, transport, webSocketPath, mqttVersion, clientId, cleanSession,
                    keepAliveSeconds, connectTimeoutSeconds, autoReconnect, credentials, tls, lastWill, proxy);
        }
    }
}
