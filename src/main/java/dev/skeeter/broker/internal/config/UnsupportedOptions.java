package dev.skeeter.broker.internal.config;

import java.util.Map;
import java.util.Set;

/**
 * Mosquitto options this broker does not implement: most are ignored with a warning; those whose absence would let
 * in clients or traffic the user meant to keep out are refused. Stateless.
 */
final class UnsupportedOptions {
    /** What happens to an unsupported option, and why. */
    record Verdict(boolean refused, String reason) {
    }

    private static final String BRIDGE = "bridges are not supported";
    private static final Set<String> BRIDGE_OPTIONS = Set.of("connection", "address", "addresses", "cleansession",
            "idle_timeout", "keepalive_interval", "local_clientid", "local_password", "local_username",
            "notifications", "notifications_local_only", "notification_topic", "remote_clientid", "remote_password",
            "remote_username", "restart_timeout", "round_robin", "start_type", "threshold", "topic", "try_private");

    private static final Map<String, Verdict> OPTIONS = Map.ofEntries(
            warn("persistence_file", "sessions and retained messages are kept in memory only"),
            warn("persistence_location", "sessions and retained messages are kept in memory only"),
            warn("autosave_interval", "sessions and retained messages are kept in memory only"),
            warn("autosave_on_changes", "sessions and retained messages are kept in memory only"),
            warn("memory_limit", "the JVM's heap limit (-Xmx) bounds memory instead"),
            warn("max_inflight_bytes", "in-flight messages are limited by count (max_inflight_messages)"),
            warn("max_qos", "every QoS is granted"),
            warn("max_topic_alias", "topic aliases are an MQTT 5 feature"),
            warn("check_retain_source", "retained messages are always checked against the reader's ACL"),
            warn("allow_duplicate_messages", "mosquitto deprecated it; duplicates are always delivered"),
            warn("http_dir", "listeners do not serve files over HTTP"),
            warn("websockets_log_level", "WebSocket events are logged with log_type websockets"),
            warn("websockets_headers_size", "HTTP headers up to 8 KB are accepted"),
            warn("dhparamfile", "the JDK picks Diffie-Hellman groups itself"),
            warn("log_facility", "syslog is not supported"),
            warn("log_timestamp_format", "time stamps are ISO 8601"),
            warn("auth_plugin_deny_special_chars", "plugins are not supported"),
            warn("enable_control_api", "the control API is not supported"),
            refuse("auth_plugin", "plugins are not supported, and without it the broker would let in clients it "
                    + "should refuse"),
            refuse("plugin", "plugins are not supported, and without it the broker would let in clients it should "
                    + "refuse"),
            refuse("psk_file", "TLS-PSK is not supported, and without it the broker would let in clients it should "
                    + "refuse"),
            refuse("psk_hint", "TLS-PSK is not supported, and without it this listener would not be encrypted"),
            refuse("clientid_prefixes", "without it the broker would accept client ids it should refuse"),
            refuse("mount_point", "without it clients of this listener would see every other client's topics"),
            refuse("tls_engine", "keys in OpenSSL engines are not supported"),
            refuse("tls_engine_kpass_sha1", "keys in OpenSSL engines are not supported"),
            refuse("tls_keyform", "keys in OpenSSL engines are not supported; keys are read from PEM files"));

    private UnsupportedOptions() {
    }

    /** The verdict for an unsupported option, or null when the option is not one of them. */
    static Verdict of(String option) {
        if (BRIDGE_OPTIONS.contains(option) || option.startsWith("bridge_")) {
            return new Verdict(false, BRIDGE);
        }
        if (option.startsWith("plugin_opt_") || option.startsWith("auth_opt_")) {
            return new Verdict(false, "plugins are not supported");
        }
        return OPTIONS.get(option);
    }

    private static Map.Entry<String, Verdict> warn(String option, String reason) {
        return Map.entry(option, new Verdict(false, reason));
    }

    private static Map.Entry<String, Verdict> refuse(String option, String reason) {
        return Map.entry(option, new Verdict(true, reason));
    }
}
