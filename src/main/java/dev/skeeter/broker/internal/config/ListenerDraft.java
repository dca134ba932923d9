package dev.skeeter.broker.internal.config;

import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.broker.ListenerTls;
import java.nio.file.Path;

/**
 * The options of one listener as the file gives them, in any order; turned into a {@link ListenerConfig} once the
 * whole file is read. Mutable; used by one parser on one thread.
 */
final class ListenerDraft {
    final ConfigLine origin;
    /** Whether any option was given for it (the default listener exists only then). */
    boolean used;
    int port;
    String host;
    ListenerConfig.Protocol protocol = ListenerConfig.Protocol.MQTT;
    ListenerConfig.SocketDomain socketDomain = ListenerConfig.SocketDomain.ANY;
    String bindInterface;
    int maxConnections = -1;
    Path certFile;
    Path keyFile;
    Path caFile;
    Path caPath;
    Path crlFile;
    boolean requireCertificate;
    String tlsVersion;
    String ciphers;
    String ciphersTls13;
    boolean useIdentityAsUsername;
    boolean useSubjectAsUsername;
    ListenerSecurity security;
    /** The line of the first TLS option, for the error when certfile or keyfile is missing. */
    ConfigLine firstTlsLine;

    ListenerDraft(ConfigLine origin, int port, String host) {
        this.origin = origin;
        this.port = port;
        this.host = host;
    }

    void tlsOption(ConfigLine line) {
        if (firstTlsLine == null) {
            firstTlsLine = line;
        }
    }

    /** The listener, or null after reporting why it cannot be built. */
    ListenerConfig build(Problems problems) {
        ListenerTls tls = null;
        if (firstTlsLine != null) {
            if (certFile == null || keyFile == null) {
                problems.error(firstTlsLine, "a TLS listener needs both certfile and keyfile (listener "
                        + describe() + ")");
                return null;
            }
            if (requireCertificate && caFile == null && caPath == null) {
                problems.error(firstTlsLine, "require_certificate true needs cafile or capath to check client "
                        + "certificates against (listener " + describe() + ")");
                return null;
            }
            tls = new ListenerTls(certFile, keyFile, caFile, caPath, crlFile, requireCertificate, tlsVersion,
                    ciphers, ciphersTls13, useIdentityAsUsername, useSubjectAsUsername);
        }
        // No address means every interface, as in mosquitto: both IPv4 and IPv6 unless socket_domain says which.
        String bind = host != null ? host : socketDomain == ListenerConfig.SocketDomain.IPV4 ? "0.0.0.0" : "::";
        return new ListenerConfig(port, bind, protocol, socketDomain, bindInterface, tls, maxConnections, security);
    }

    String describe() {
        return port + (host == null ? "" : " " + host) + " at " + origin.where();
    }
}
