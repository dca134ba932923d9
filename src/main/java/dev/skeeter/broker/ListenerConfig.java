package dev.skeeter.broker;

import java.util.Objects;

/**
 * One listener of a {@link BrokerConfig}: where it binds, which protocol it speaks, its TLS settings and, when
 * {@link BrokerConfig#perListenerSettings()} is on, its own security settings. Immutable; change it with the
 * {@code with...} methods.
 *
 * @param port          0 means any free port
 * @param bindAddress   a host name or address; null means loopback (127.0.0.1). {@code 0.0.0.0} binds every IPv4
 *                      interface only and {@code ::} every interface, as in mosquitto
 * @param protocol      MQTT over TCP, or MQTT over WebSockets
 * @param socketDomain  restricts the addresses a host name resolves to
 * @param bindInterface a network interface name whose addresses the listener binds; null for none
 * @param tls           null for a plain listener
 * @param maxConnections the most clients connected at once through this listener; -1 for no limit
 * @param security      this listener's security settings; null to use the broker-wide ones
 */
public record ListenerConfig(int port, String bindAddress, Protocol protocol, SocketDomain socketDomain,
                             String bindInterface, ListenerTls tls, int maxConnections, ListenerSecurity security) {

    /** The protocol a listener speaks, as mosquitto's {@code protocol} option. */
    public enum Protocol { MQTT, WEBSOCKETS }

    /** Mosquitto's {@code socket_domain}: ANY binds every address a host name resolves to. */
    public enum SocketDomain { ANY, IPV4, IPV6 }

    public ListenerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(socketDomain, "socketDomain");
        if (maxConnections < -1) {
            throw new IllegalArgumentException("maxConnections must be -1 (no limit) or more: " + maxConnections);
        }
    }

    /** A plain MQTT listener; {@code bindAddress} null means loopback, port 0 any free port. */
    public ListenerConfig(int port, String bindAddress) {
        this(port, bindAddress, Protocol.MQTT, SocketDomain.ANY, null, null, -1, null);
    }

    public static ListenerConfig mqtt(int port, String bindAddress) {
        return new ListenerConfig(port, bindAddress);
    }

    public static ListenerConfig websockets(int port, String bindAddress) {
        return new ListenerConfig(port, bindAddress).withProtocol(Protocol.WEBSOCKETS);
    }

    public ListenerConfig withPort(int value) {
        return new ListenerConfig(value, bindAddress, protocol, socketDomain, bindInterface, tls, maxConnections,
                security);
    }

    public ListenerConfig withProtocol(Protocol value) {
        return new ListenerConfig(port, bindAddress, value, socketDomain, bindInterface, tls, maxConnections,
                security);
    }

    public ListenerConfig withSocketDomain(SocketDomain value) {
        return new ListenerConfig(port, bindAddress, protocol, value, bindInterface, tls, maxConnections, security);
    }

    public ListenerConfig withBindInterface(String value) {
        return new ListenerConfig(port, bindAddress, protocol, socketDomain, value, tls, maxConnections, security);
    }

    /** TLS on this listener (MQTT over TLS, or WebSockets over TLS); null turns it off. */
    public ListenerConfig withTls(ListenerTls value) {
        return new ListenerConfig(port, bindAddress, protocol, socketDomain, bindInterface, value, maxConnections,
                security);
    }

    public ListenerConfig withMaxConnections(int value) {
        return new ListenerConfig(port, bindAddress, protocol, socketDomain, bindInterface, tls, value, security);
    }

    /** Security settings of this listener alone; they apply when {@link BrokerConfig#perListenerSettings()}. */
    public ListenerConfig withSecurity(ListenerSecurity value) {
        return new ListenerConfig(port, bindAddress, protocol, socketDomain, bindInterface, tls, maxConnections,
                value);
    }

    /** The URL scheme clients use: mqtt, mqtts, ws or wss. */
    public String scheme() {
        return switch (protocol) {
            case MQTT -> tls == null ? "mqtt" : "mqtts";
            case WEBSOCKETS -> tls == null ? "ws" : "wss";
        };
    }
}
