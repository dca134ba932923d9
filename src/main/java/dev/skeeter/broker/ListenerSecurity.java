package dev.skeeter.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who may connect and what they may do: mosquitto's security options. Broker-wide in {@link BrokerConfig#security()},
 * or one per listener when {@link BrokerConfig#perListenerSettings()} is on ({@link BrokerConfig#securityOf}).
 * Immutable.
 *
 * @param allowAnonymous          null for the default: anonymous clients are accepted unless there is a password
 *                                file (mosquitto 2 also refuses them on every listener of a config file)
 * @param passwordFile            mosquitto's {@code password_file}; null for none
 * @param aclFile                 mosquitto's {@code acl_file}; null for none
 * @param allowZeroLengthClientId whether a client may send an empty client id (clean session only) and be given one
 * @param autoIdPrefix            the prefix of the client ids the broker gives out
 */
public record ListenerSecurity(Boolean allowAnonymous, Path passwordFile, Path aclFile,
                               boolean allowZeroLengthClientId, String autoIdPrefix) {

    /** Mosquitto's defaults. */
    public static final ListenerSecurity DEFAULTS = new ListenerSecurity(null, null, null, true, "auto-");

    public ListenerSecurity {
        Objects.requireNonNull(autoIdPrefix, "autoIdPrefix");
    }

    public ListenerSecurity withAllowAnonymous(Boolean value) {
        return new ListenerSecurity(value, passwordFile, aclFile, allowZeroLengthClientId, autoIdPrefix);
    }

    public ListenerSecurity withPasswordFile(Path value) {
        return new ListenerSecurity(allowAnonymous, value, aclFile, allowZeroLengthClientId, autoIdPrefix);
    }

    public ListenerSecurity withAclFile(Path value) {
        return new ListenerSecurity(allowAnonymous, passwordFile, value, allowZeroLengthClientId, autoIdPrefix);
    }

    public ListenerSecurity withAllowZeroLengthClientId(boolean value) {
        return new ListenerSecurity(allowAnonymous, passwordFile, aclFile, value, autoIdPrefix);
    }

    public ListenerSecurity withAutoIdPrefix(String value) {
        return new ListenerSecurity(allowAnonymous, passwordFile, aclFile, allowZeroLengthClientId, value);
    }
}
