package dev.skeeter.certs;

import java.nio.file.Path;
import java.util.List;

/**
 * What a TLS client context is built from. The {@code certs} package knows no profiles; the client maps a
 * profile's TLS part onto this.
 *
 * @param trust              where trusted CAs come from
 * @param trustFile          a PEM CA file (CA_FILE) or a PKCS#12/JKS trust store (TRUST_STORE)
 * @param trustStorePassword the trust store's password, may be null
 * @param identity           how the client proves who it is, if at all
 * @param certificateFile    PEM client certificate (chain) for PEM identity
 * @param keyFile            PEM private key for PEM identity
 * @param keyPassphrase      passphrase of an encrypted PEM key, or null
 * @param keyStoreFile       PKCS#12/JKS key store for KEY_STORE identity
 * @param keyStorePassword   its password (also used for the key)
 * @param verifyHostname     check that the server's certificate names the host we dial (on unless chosen off)
 * @param minimumProtocol    lowest TLS version to offer ("TLSv1.2", "TLSv1.3"); null or "TLS" for the JDK's
 *                           defaults
 * @param alpnProtocols      ALPN protocol names to offer (e.g. "x-amzn-mqtt-ca" for AWS IoT on port 443)
 */
public record TlsSettings(Trust trust, Path trustFile, char[] trustStorePassword, Identity identity,
                          Path certificateFile, Path keyFile, char[] keyPassphrase, Path keyStoreFile,
                          char[] keyStorePassword, boolean verifyHostname, String minimumProtocol,
                          List<String> alpnProtocols) {
    public enum Trust { SYSTEM, CA_FILE, TRUST_STORE }

    public enum Identity { NONE, PEM, KEY_STORE }

    public TlsSettings {
        trust = trust == null ? Trust.SYSTEM : trust;
        identity = identity == null ? Identity.NONE : identity;
        alpnProtocols = alpnProtocols == null ? List.of() : List.copyOf(alpnProtocols);
    }

    /** System trust store, no client certificate, hostname verification on. */
    public static TlsSettings systemDefaults() {
        return new TlsSettings(Trust.SYSTEM, null, null, Identity.NONE, null, null, null, null, null, true, null,
                List.of());
    }

    public TlsSettings withCaFile(Path caFile) {
        return new TlsSettings(Trust.CA_FILE, caFile, null, identity, certificateFile, keyFile, keyPassphrase,
                keyStoreFile, keyStorePassword, verifyHostname, minimumProtocol, alpnProtocols);
    }

    public TlsSettings withPemIdentity(Path certificate, Path key, char[] passphrase) {
        return new TlsSettings(trust, trustFile, trustStorePassword, Identity.PEM, certificate, key, passphrase,
                null, null, verifyHostname, minimumProtocol, alpnProtocols);
    }

    public TlsSettings withVerifyHostname(boolean verify) {
        return new TlsSettings(trust, trustFile, trustStorePassword, identity, certificateFile, keyFile,
                keyPassphrase, keyStoreFile, keyStorePassword, verify, minimumProtocol, alpnProtocols);
    }

    public TlsSettings withAlpn(List<String> protocols) {
        return new TlsSettings(trust, trustFile, trustStorePassword, identity, certificateFile, keyFile,
                keyPassphrase, keyStoreFile, keyStorePassword, verifyHostname, minimumProtocol, protocols);
    }

    @Override
    public String toString() {
        return "TlsSettings[trust=" + trust + ", trustFile=" + trustFile + ", identity=" + identity
                + ", certificateFile=" + certificateFile + ", keyFile=" + keyFile + ", keyStoreFile=" + keyStoreFile
                + ", verifyHostname=" + verifyHostname + ", minimumProtocol=" + minimumProtocol + ", alpn="
                + alpnProtocols + "]";
    }
}
