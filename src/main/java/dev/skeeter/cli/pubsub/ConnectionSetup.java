package dev.skeeter.cli.pubsub;

import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.Profile.Transport;
import dev.skeeter.profiles.ProfileStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the options into the {@link Profile} the client core connects with: a saved profile ({@code --profile})
 * or mosquitto's defaults, then every flag given on top. TLS is on, as in mosquitto's tools, with a CA file or
 * directory, {@code --tls-use-os-certs}, an {@code mqtts://} URL, or port 8883. Stateless.
 */
public final class ConnectionSetup {
    /** The options cannot make a connection; {@code text} is the line for stderr. */
    public static final class SetupException extends Exception {
        SetupException(String text) {
            super(text);
        }
    }

    private ConnectionSetup() {
    }

    public static Profile profile(ClientOptions o, ProfileStore store, PrintStream err) throws SetupException {
        if (o.unixSocket != null) {
            throw new SetupException("Error: --unix is not supported: Skeeter connects over TCP, TLS and "
                    + "WebSockets only; use -h and -p.\n");
        }
        if (o.psk != null) {
            throw new SetupException("Error: TLS-PSK (--psk) is not supported: use certificates (--cafile).\n");
        }
        Profile base = o.profileName == null ? Profile.create("command line", "localhost", 1883)
                : savedProfile(o.profileName, store);
        Profile.Builder b = base.toBuilder();
        Transport transport = transport(o, base);
        b.transport(transport);
        if (o.host != null) {
            b.host(o.host);
        }
        if (o.port != null) {
            b.port(o.port);
        } else if (o.profileName == null || transport != base.transport()) {
            b.port(transport.defaultPort()); // 1883 and 8883 as in mosquitto's tools
        }
        if (o.webSocketPath != null) {
            b.webSocketPath(o.webSocketPath);
        }
        if (o.clientId != null) {
            b.clientId(o.clientId);
        } else if (o.clientIdPrefix != null) {
            b.clientId(o.clientIdPrefix + ProcessHandle.current().pid());
        }
        if (o.cleanSessionOff) {
            b.cleanSession(false);
        }
        if (o.keepAlive != null) {
            b.keepAliveSeconds(o.keepAlive);
        }
        if (o.protocolVersion != null) {
            b.mqttVersion(o.protocolVersion.equals("mqttv31") ? Profile.MqttVersion.V3_1
                    : Profile.MqttVersion.V3_1_1);
        }
        b.credentials(credentials(o, base.credentials()));
        if (transport.isSecure()) {
            b.tls(tls(o, base.tls(), err));
        }
        if (o.willTopic != null) {
            b.lastWill(new Profile.LastWill(o.willTopic, o.willQos, o.willRetain,
                    o.willPayload == null ? "" : o.willPayload));
        }
        if (o.proxyUrl != null) {
            b.proxy(proxy(o.proxyUrl));
        }
        if (o.bindAddress != null) {
            warn(o, err, "Warning: -A is ignored: Skeeter cannot choose the local address to connect from.\n");
        }
        return b.build();
    }

    private static Profile savedProfile(String name, ProfileStore store) throws SetupException {
        List<Profile> profiles = store.profiles();
        Optional<Profile> found = profiles.stream().filter(p -> p.name().equals(name)).findFirst()
                .or(() -> profiles.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst())
                .or(() -> profiles.stream().filter(p -> p.id().equals(name)).findFirst());
        if (found.isEmpty()) {
            String known = profiles.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(", "));
            throw new SetupException("Error: No profile named '" + name + "' in " + store.file()
                    + (store.problem().map(p -> " (" + p + ")").orElse("")) + "; profiles: " + known + ".\n");
        }
        return found.get();
    }

    private static Transport transport(ClientOptions o, Profile base) {
        boolean tlsAsked = o.caFile != null || o.caPath != null || o.tlsUseOsCerts;
        if (o.transport != null) {
            return switch (o.transport) {
                case "mqtts" -> Transport.TLS;
                case "ws" -> tlsAsked ? Transport.SECURE_WEBSOCKET : Transport.WEBSOCKET;
                case "wss" -> Transport.SECURE_WEBSOCKET;
                default -> tlsAsked ? Transport.TLS : Transport.TCP;
            };
        }
        Transport current = o.profileName == null ? Transport.TCP : base.transport();
        if (tlsAsked || (current == Transport.TCP && o.port != null && o.port == 8883)) {
            return current.isWebSocket() ? Transport.SECURE_WEBSOCKET : Transport.TLS;
        }
        return current;
    }

    private static Profile.Credentials credentials(ClientOptions o, Profile.Credentials saved)
            throws SetupException {
        if (o.username == null && o.password == null) {
            return saved;
        }
        String username = o.username != null ? o.username : saved.username();
        if (username == null) {
            throw new SetupException("Error: Problem setting username and/or password.\n");
        }
        return new Profile.Credentials(username, o.password != null ? o.password
                : o.username == null ? saved.password() : null, true);
    }

    private static Profile.Tls tls(ClientOptions o, Profile.Tls saved, PrintStream err) throws SetupException {
        for (String file : new String[] {o.caFile, o.caPath, o.certFile, o.keyFile}) {
            if (file != null && !Files.isReadable(Path.of(file))) {
                throw new SetupException("Error: Problem setting TLS options: File not found.\n");
            }
        }
        Profile.Tls base = o.profileName == null ? new Profile.Tls(Profile.TrustSource.SYSTEM, null, null, null,
                Profile.ClientIdentity.NONE, null, null, null, null, null, true, "TLSv1.2", List.of()) : saved;
        Profile.TrustSource trust = base.trust();
        String caFile = base.caFile();
        if (o.caFile != null || o.caPath != null) {
            trust = Profile.TrustSource.CA_FILE;
            caFile = o.caFile != null ? o.caFile : o.caPath;
            if (o.caFile != null && o.caPath != null) {
                warn(o, err, "Warning: --capath is ignored when --cafile is given.\n");
            }
        } else if (o.tlsUseOsCerts) {
            trust = Profile.TrustSource.SYSTEM;
        }
        Profile.ClientIdentity identity = base.identity();
        String cert = base.certificateFile();
        String key = base.keyFile();
        if (o.certFile != null) {
            identity = Profile.ClientIdentity.PEM;
            cert = o.certFile;
            key = o.keyFile;
        }
        if (o.keyForm != null && !o.keyForm.equals("pem")) {
            throw new SetupException(o.keyForm.equals("engine")
                    ? "Error: --keyform engine is not supported: Java has no OpenSSL engines; use a PEM key.\n"
                    : "Error: Problem setting key form, it must be one of 'pem' or 'engine'.\n");
        }
        String version = base.tlsVersion();
        if (o.tlsVersion != null) {
            version = switch (o.tlsVersion.toLowerCase(Locale.ROOT)) {
                case "tlsv1.3" -> "TLSv1.3";
                case "tlsv1.2" -> "TLSv1.2";
                case "tlsv1.1" -> "TLSv1.1";
                default -> throw new SetupException(
                        "Error: Problem setting TLS options, check the options are valid.\n");
            };
        }
        if (o.ciphers != null) {
            warn(o, err, "Warning: --ciphers is ignored: Java offers its own list of secure cipher suites.\n");
        }
        List<String> alpn = o.tlsAlpn != null ? List.of(o.tlsAlpn) : base.alpnProtocols();
        boolean verifyHostname = !o.insecure && base.verifyHostname();
        return new Profile.Tls(trust, caFile, base.trustStoreFile(), base.trustStorePassword(), identity, cert, key,
                base.keyPassphrase(), base.keyStoreFile(), base.keyStorePassword(), verifyHostname, version, alpn);
    }

    /** {@code socks5h://[user[:password]@]host[:port]}, port 1080 by default, as mosquitto reads it. */
    static Profile.Proxy proxy(String url) throws SetupException {
        String prefix = "socks5h://";
        if (!url.startsWith(prefix)) {
            throw new SetupException("Error: Unsupported proxy protocol: " + url + "\n");
        }
        String rest = url.substring(prefix.length());
        String username = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        int colon = rest.indexOf(':');
        String host = colon < 0 ? rest : rest.substring(0, colon);
        if (host.isEmpty()) {
            throw new SetupException("Error: Invalid proxy.\n");
        }
        int port = 1080;
        if (colon >= 0) {
            port = CNumbers.atoi(rest.substring(colon + 1));
            if (port < 1 || port > 65_535) {
                throw new SetupException("Error: Invalid proxy port " + port + "\n");
            }
        }
        return new Profile.Proxy(host, port, username, password);
    }

    /** The escapes mosquitto decodes in proxy credentials: %25, %3A and %40. */
    private static String decode(String s) {
        return s.replace("%3A", ":").replace("%3a", ":").replace("%40", "@").replace("%25", "%");
    }

    private static void warn(ClientOptions o, PrintStream err, String line) {
        if (!o.quiet) {
            err.print(line);
            err.flush();
        }
    }
}
