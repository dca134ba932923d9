package dev.skeeter.broker.internal.config;

import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerSecurity;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Applies one option line to the parser's state: one case per mosquitto option. Not thread-safe. */
final class OptionReader {
    private static final int MAX_PACKET_IDS = 65_535;
    /** A PINGREQ is 2 bytes; anything smaller would refuse every packet. */
    private static final int MIN_PACKET_SIZE = 2;

    private final ConfigParser p;
    private final Problems problems;

    OptionReader(ConfigParser parser) {
        this.p = parser;
        this.problems = parser.problems;
    }

    void read(ConfigLine line) {
        if (!listenerOption(line) && !tlsOption(line) && !securityOption(line) && !globalOption(line)) {
            unsupported(line);
        }
    }

    private boolean listenerOption(ConfigLine line) {
        ListenerDraft l = p.current;
        switch (line.option()) {
            case "listener" -> listener(line);
            case "port" -> {
                if (line.args().size() != 1) {
                    problems.error(line, "port: expected port PORT");
                } else {
                    Integer port = Values.port(line, line.args().get(0), problems);
                    if (port != null) {
                        p.defaultListener.port = port;
                        p.defaultListener.used = true;
                    }
                }
            }
            case "bind_address" -> {
                // Mosquitto: always the default listener's, wherever it appears.
                String host = Values.string(line, problems, "an address or host name");
                if (host != null) {
                    p.defaultListener.host = host;
                    p.defaultListener.used = true;
                }
            }
            case "bind_interface" -> set(line, Values.string(line, problems, "an interface name, e.g. eth0"),
                    v -> {
                        l.bindInterface = v;
                        l.used = true;
                    });
            case "socket_domain" -> set(line, Values.word(line, problems, List.of("ipv4", "ipv6")),
                    v -> {
                        l.socketDomain = v.equals("ipv4") ? ListenerConfig.SocketDomain.IPV4
                                : ListenerConfig.SocketDomain.IPV6;
                        l.used = true;
                    });
            case "protocol" -> set(line, Values.word(line, problems, List.of("mqtt", "websockets")),
                    v -> {
                        l.protocol = v.equals("mqtt") ? ListenerConfig.Protocol.MQTT
                                : ListenerConfig.Protocol.WEBSOCKETS;
                        l.used = true;
                    });
            case "max_connections" -> set(line, Values.integer(line, problems, -1, Integer.MAX_VALUE,
                    "a number of connections, -1 for no limit"), v -> {
                        l.maxConnections = v;
                        l.used = true;
                    });
            default -> {
                return false;
            }
        }
        return true;
    }

    private void listener(ConfigLine line) {
        if (line.args().isEmpty() || line.args().size() > 2) {
            problems.error(line, "listener: expected listener PORT [ADDRESS]");
            return;
        }
        Integer port = Values.port(line, line.args().get(0), problems);
        String host = line.args().size() == 2 ? line.args().get(1) : null;
        ListenerDraft draft = new ListenerDraft(line, port == null ? 0 : port, host);
        p.current = draft;
        if (host != null && host.startsWith("/")) {
            problems.warning(line, "listener: Unix socket listeners are not supported; this listener is ignored");
            return; // its options are still checked, on a draft nobody builds
        }
        if (port != null) {
            p.listeners.add(draft);
        }
    }

    private boolean tlsOption(ConfigLine line) {
        ListenerDraft l = p.current;
        switch (line.option()) {
            case "cafile" -> tlsPath(line, v -> l.caFile = v);
            case "capath" -> tlsPath(line, v -> l.caPath = v);
            case "certfile" -> tlsPath(line, v -> l.certFile = v);
            case "keyfile" -> tlsPath(line, v -> l.keyFile = v);
            case "crlfile" -> tlsPath(line, v -> l.crlFile = v);
            case "require_certificate" -> tlsBool(line, v -> l.requireCertificate = v);
            case "use_identity_as_username" -> tlsBool(line, v -> l.useIdentityAsUsername = v);
            case "use_subject_as_username" -> tlsBool(line, v -> l.useSubjectAsUsername = v);
            case "tls_version" -> tls(line, Values.word(line, problems, List.of("tlsv1.3", "tlsv1.2", "tlsv1.1")),
                    v -> l.tlsVersion = v);
            case "ciphers" -> tls(line, Values.string(line, problems, "OpenSSL cipher names separated by ':'"),
                    v -> l.ciphers = v);
            case "ciphers_tls1.3" -> tls(line, Values.string(line, problems, "TLS 1.3 suites separated by ':'"),
                    v -> l.ciphersTls13 = v);
            case "tls_keyform" -> {
                if ("engine".equals(Values.word(line, problems, List.of("pem", "engine")))) {
                    problems.error(line, "tls_keyform engine: keys in OpenSSL engines are not supported; "
                            + "give keyfile a PEM file");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void tlsPath(ConfigLine line, Consumer<Path> target) {
        tls(line, Values.path(line, problems), target);
    }

    /** A true TLS flag on a listener without certfile is reported: ignoring it would weaken security. */
    private void tlsBool(ConfigLine line, Consumer<Boolean> target) {
        Boolean value = Values.bool(line, problems);
        if (Boolean.TRUE.equals(value)) {
            tls(line, value, target);
        } else if (value != null) {
            target.accept(value);
        }
    }

    private <T> void tls(ConfigLine line, T value, Consumer<T> target) {
        if (value != null) {
            p.current.tlsOption(line);
            p.current.used = true;
            target.accept(value);
        }
    }

    private boolean securityOption(ConfigLine line) {
        ListenerSecurity s = p.security();
        switch (line.option()) {
            case "allow_anonymous" -> {
                Boolean value = Values.bool(line, problems);
                if (value != null) {
                    p.security(line, s.withAllowAnonymous(value));
                }
            }
            case "password_file" -> {
                Path file = Values.path(line, problems);
                if (file != null) {
                    p.security(line, s.withPasswordFile(file));
                }
            }
            case "acl_file" -> {
                Path file = Values.path(line, problems);
                if (file != null) {
                    p.security(line, s.withAclFile(file));
                }
            }
            case "allow_zero_length_clientid" -> {
                Boolean value = Values.bool(line, problems);
                if (value != null) {
                    p.security(line, s.withAllowZeroLengthClientId(value));
                }
            }
            case "auto_id_prefix" -> {
                String value = Values.string(line, problems, "a client id prefix");
                if (value != null) {
                    p.security(line, s.withAutoIdPrefix(value));
                }
            }
            case "use_username_as_clientid" -> problems.error(line, "use_username_as_clientid is not implemented "
                    + "yet, and without it clients could take each other's client ids");
            case "per_listener_settings" -> {
                Boolean value = Values.bool(line, problems);
                if (value != null && p.firstSecurityLine != null && value != p.perListenerSettings) {
                    problems.error(line, "per_listener_settings must come before every security option (the "
                            + "first is at " + p.firstSecurityLine.where() + ")");
                } else if (value != null) {
                    p.perListenerSettings = value;
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean globalOption(ConfigLine line) {
        BrokerConfig.Builder b = p.builder;
        switch (line.option()) {
            case "max_inflight_messages" -> set(line, count(line), v ->
                    // mosquitto: 0 = no limit; packet ids cap the window at 65535.
                    b.maxInflightMessages(v == 0 ? MAX_PACKET_IDS : Math.min(v, MAX_PACKET_IDS)));
            case "max_queued_messages" -> set(line, count(line), b::maxQueuedMessages);
            case "max_queued_bytes" -> set(line, Values.longValue(line, problems, 0, Long.MAX_VALUE,
                    "a number of bytes, 0 for no limit"), b::maxQueuedBytes);
            case "message_size_limit" -> set(line, Values.integer(line, problems, 0,
                    BrokerConfig.PROTOCOL_MAX_PACKET_SIZE, "a number of bytes, 0 for no limit"), b::messageSizeLimit);
            case "max_packet_size" -> set(line, Values.integer(line, problems, 0, Integer.MAX_VALUE,
                    "a number of bytes, 0 for no limit"), v -> {
                        if (v != 0 && v < MIN_PACKET_SIZE) {
                            problems.error(line, "max_packet_size: expected 0 or at least " + MIN_PACKET_SIZE
                                    + ", found " + v);
                        } else {
                            b.maxPacketSize(v == 0 ? BrokerConfig.PROTOCOL_MAX_PACKET_SIZE
                                    : Math.min(v, BrokerConfig.PROTOCOL_MAX_PACKET_SIZE));
                        }
                    });
            case "max_keepalive" -> set(line, Values.integer(line, problems, 0, 65_535,
                    "a number of seconds from 0 to 65535"), b::maxKeepalive);
            case "queue_qos0_messages" -> set(line, Values.bool(line, problems), b::queueQos0Messages);
            case "retain_available" -> set(line, Values.bool(line, problems), b::retainAvailable);
            case "upgrade_outgoing_qos" -> set(line, Values.bool(line, problems), b::upgradeOutgoingQos);
            case "set_tcp_nodelay" -> set(line, Values.bool(line, problems), b::tcpNoDelay);
            case "persistent_client_expiration" -> set(line, Values.expiration(line, problems),
                    b::persistentClientExpiration);
            case "sys_interval" -> set(line, Values.integer(line, problems, 0, 65_535,
                    "a number of seconds, 0 to turn $SYS off"), v -> b.sysInterval(java.time.Duration.ofSeconds(v)));
            case "connect_timeout" -> set(line, Values.integer(line, problems, 1, 65_535,
                    "a number of seconds from 1 to 65535"), v -> b.connectTimeout(java.time.Duration.ofSeconds(v)));
            case "pid_file" -> set(line, Values.path(line, problems), b::pidFile);
            case "user" -> set(line, Values.string(line, problems, "a user name"), b::user);
            case "log_dest" -> p.log.destination(line);
            case "log_type" -> p.log.type(line);
            case "log_timestamp" -> set(line, Values.bool(line, problems), p.log::timestamp);
            case "connection_messages" -> set(line, Values.bool(line, problems), p.log::connectionMessages);
            case "persistence" -> set(line, Values.bool(line, problems), v -> {
                if (v) {
                    problems.warning(line, "persistence true is not supported: sessions and retained messages are "
                            + "kept in memory only and lost when the broker stops");
                }
            });
            default -> {
                return false;
            }
        }
        return true;
    }

    private void unsupported(ConfigLine line) {
        UnsupportedOptions.Verdict verdict = UnsupportedOptions.of(line.option());
        if (verdict == null) {
            problems.error(line, "unknown option '" + line.option() + "'");
        } else if (verdict.refused()) {
            problems.error(line, line.option() + " is not supported: " + verdict.reason());
        } else {
            problems.warning(line, line.option() + " is not supported (" + verdict.reason() + "); ignored");
        }
    }

    private Integer count(ConfigLine line) {
        return Values.integer(line, problems, 0, Integer.MAX_VALUE, "a number >= 0, 0 for no limit");
    }

    /** Applies a value that was read well; a bad one was reported already. */
    private static <T> void set(ConfigLine line, T value, Consumer<T> target) {
        if (value != null) {
            target.accept(value);
        }
    }
}
