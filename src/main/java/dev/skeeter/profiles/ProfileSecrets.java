package dev.skeeter.profiles;

/** Removes what must not leave the machine by accident: passwords, key passphrases, store and proxy passwords. */
public final class ProfileSecrets {
    private ProfileSecrets() {
    }

    /**
     * The profile without secrets. A removed login password flips {@code savePassword} off, so the password is asked
     * at connect instead of silently connecting without one.
     */
    public static Profile strip(Profile p) {
        Profile.Credentials c = p.credentials();
        Profile.Credentials credentials = c.password() == null ? c
                : new Profile.Credentials(c.username(), null, false);
        Profile.Tls t = p.tls();
        Profile.Tls tls = new Profile.Tls(t.trust(), t.caFile(), t.trustStoreFile(), null, t.identity(),
                t.certificateFile(), t.keyFile(), null, t.keyStoreFile(), null, t.verifyHostname(), t.tlsVersion(),
                t.alpnProtocols());
        Profile.Proxy x = p.proxy();
        Profile.Proxy proxy = new Profile.Proxy(x.host(), x.port(), x.username(), null);
        return p.toBuilder().credentials(credentials).tls(tls).proxy(proxy).build();
    }

    /** Whether the profile holds any secret {@link #strip} would remove. */
    public static boolean hasSecrets(Profile p) {
        Profile.Tls t = p.tls();
        return p.credentials().password() != null || t.trustStorePassword() != null || t.keyPassphrase() != null
                || t.keyStorePassword() != null || p.proxy().password() != null;
    }
}
