package dev.skeeter.client;

import dev.skeeter.certs.TlsContext;
import dev.skeeter.certs.TlsContexts;
import dev.skeeter.certs.TlsSettings;
import dev.skeeter.profiles.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Maps a profile's TLS settings onto {@link TlsSettings}, for anyone who needs the same SSL context a connection
 * would use (e.g. to test a profile's files). Stateless.
 */
public final class ProfileTls {
    private ProfileTls() {
    }

    /** A client TLS context from the profile's files; reads them now. */
    public static TlsContext context(Profile.Tls tls) throws IOException, GeneralSecurityException {
        return TlsContexts.create(settings(tls));
    }

    /** The certs package's view of a profile's TLS part (the certs package knows no profiles). */
    public static TlsSettings settings(Profile.Tls tls) {
        TlsSettings.Trust trust = switch (tls.trust()) {
            case SYSTEM -> TlsSettings.Trust.SYSTEM;
            case CA_FILE -> TlsSettings.Trust.CA_FILE;
            case TRUST_STORE -> TlsSettings.Trust.TRUST_STORE;
        };
        TlsSettings.Identity identity = switch (tls.identity()) {
            case NONE -> TlsSettings.Identity.NONE;
            case PEM -> TlsSettings.Identity.PEM;
            case KEY_STORE -> TlsSettings.Identity.KEY_STORE;
        };
        Path trustFile = path(trust == TlsSettings.Trust.TRUST_STORE ? tls.trustStoreFile() : tls.caFile());
        return new TlsSettings(trust, trustFile, chars(tls.trustStorePassword()), identity,
                path(tls.certificateFile()), path(tls.keyFile()), chars(tls.keyPassphrase()),
                path(tls.keyStoreFile()), chars(tls.keyStorePassword()), tls.verifyHostname(), tls.tlsVersion(),
                tls.alpnProtocols());
    }

    private static Path path(String file) {
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    private static char[] chars(String secret) {
        return secret == null ? null : secret.toCharArray();
    }
}
