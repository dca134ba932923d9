package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.KeyType;
import dev.skeeter.certs.MosquittoSnippet;
import dev.skeeter.certs.SubjectAltNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Everything the certificate wizard's pages collected, as plain values: which CA (new or loaded), the server
 * certificate, the client certificates and where and how to write them. Immutable; the defaults are
 * {@code skeeter cert}'s.
 *
 * @param caSubject        the new CA's name (a common name or a subject such as {@code /O=Acme/CN=Acme CA})
 * @param existingCaCert   the loaded CA's certificate when {@code newCa} is false
 * @param serverNames      DNS names and IP addresses for the server certificate
 * @param clientNames      the clients' common names, one certificate each
 * @param keyPassphrase    encrypts the CA's and the clients' keys when not empty (never the server's: brokers read
 *                         it at start without asking)
 * @param p12Password      also writes PKCS#12 bundles for the server and each client when not empty
 */
public record WizardSettings(boolean newCa, String caSubject, KeyType caKeyType, int caDays,
                             Path existingCaCert, Path existingCaKey, char[] existingCaPassphrase,
                             String serverCn, List<String> serverNames, KeyType serverKeyType, int serverDays,
                             List<String> clientNames, KeyType clientKeyType, int clientDays,
                             Path outputDir, char[] keyPassphrase, char[] p12Password, int tlsPort) {
    public WizardSettings {
        serverNames = List.copyOf(serverNames);
        clientNames = List.copyOf(clientNames);
    }

    /** {@code skeeter cert}'s defaults: a new EC P-256 CA, a localhost server certificate, one client "client". */
    public static WizardSettings defaults(Path outputDir) {
        return new WizardSettings(true, CertificateRequest.ca().commonName(), KeyType.DEFAULT,
                CertificateRequest.CA_DEFAULT_DAYS, null, null, null, "localhost", SubjectAltNames.localDefaults(),
                KeyType.DEFAULT, CertificateRequest.LEAF_DEFAULT_DAYS, List.of("client"), KeyType.DEFAULT,
                CertificateRequest.LEAF_DEFAULT_DAYS, outputDir, null, null, MosquittoSnippet.DEFAULT_PORT);
    }

    public boolean encryptKeys() {
        return keyPassphrase != null && keyPassphrase.length > 0;
    }

    public boolean pkcs12() {
        return p12Password != null && p12Password.length > 0;
    }

    /** The CA certificate file clients and brokers trust: the loaded one, or {@code ca.crt} in the output folder. */
    public Path caCertificateFile() {
        return newCa ? outputDir.resolve("ca.crt") : existingCaCert;
    }

    /**
     * The file name stem of a client's certificate: {@code client} for the default name (as {@code skeeter cert
     * client} writes), else the common name made safe for a file name ({@code alice} gives {@code alice.crt}).
     */
    public static String clientStem(String commonName) {
        String stem = commonName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[.-]+|-+$", "");
        return stem.isEmpty() ? "client" : stem;
    }
}
