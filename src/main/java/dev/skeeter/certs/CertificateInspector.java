package dev.skeeter.certs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads any certificate, chain, key or PKCS#12 file, PEM or DER, and reports what it holds; optionally checks a
 * separate key against the certificate and the chain against a CA. Stateless; never throws for a file it can
 * open: what it cannot read goes into the notes, except a file with nothing recognisable in it.
 */
public final class CertificateInspector {
    /**
     * @param keyFile    a separate private key to check against the certificate, or null
     * @param passphrase for an encrypted key or a PKCS#12 file, or null
     * @param caFile     CA certificates (PEM or DER) the certificate should chain to, or null
     */
    public record Request(Path file, Path keyFile, char[] passphrase, Path caFile) {
        public static Request of(Path file) {
            return new Request(file, null, null, null);
        }
    }

    private CertificateInspector() {
    }

    public static Inspection inspect(Request request) throws IOException {
        Path file = request.file();
        if (!Files.isRegularFile(file)) {
            throw new IOException(Files.exists(file) ? file + " is not a file" : "no such file: " + file);
        }
        byte[] bytes = Files.readAllBytes(file);
        Contents contents = read(file, bytes, request.passphrase());
        List<String> notes = new ArrayList<>(contents.notes);
        PrivateKey key = contents.key;
        String keyText = contents.keyText;
        if (request.keyFile() != null) {
            Contents separate = read(request.keyFile(), Files.readAllBytes(request.keyFile()), request.passphrase());
            notes.addAll(separate.notes);
            key = separate.key;
            keyText = separate.keyText == null ? "none found in " + request.keyFile()
                    : separate.keyText + " (" + request.keyFile() + ")";
        }
        if (contents.certificates.isEmpty() && keyText == null) {
            throw new IOException(file + " holds no certificate or private key (expected PEM, DER or PKCS#12)"
                    + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)));
        }
        Boolean matches = key == null || contents.certificates.isEmpty() ? null
                : Keys.matches(contents.certificates.get(0).getPublicKey(), key);
        Inspection.ChainCheck chain = request.caFile() == null || contents.certificates.isEmpty() ? null
                : chain(contents.certificates, request.caFile());
        return new Inspection(file, contents.format, CertificateSummary.of(contents.certificates), keyText, matches,
                chain, notes);
    }

    /** Whether {@code chain} (leaf first, intermediates after) leads to a CA in {@code caFile}. */
    public static Inspection.ChainCheck chain(List<X509Certificate> chain, Path caFile) throws IOException {
        List<X509Certificate> cas = readCertificates(caFile);
        if (cas.isEmpty()) {
            throw new IOException(caFile + " holds no CA certificate");
        }
        X509Certificate leaf = chain.get(0);
        if (cas.contains(leaf)) {
            return new Inspection.ChainCheck(true, caFile.toString(), "it is the CA itself");
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        List<X509Certificate> path = chain.stream().filter(c -> !cas.contains(c)).toList();
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
            return new Inspection.ChainCheck(true, caFile.toString(), null);
        } catch (CertPathValidatorException e) {
            return new Inspection.ChainCheck(false, caFile.toString(), reason(e));
        } catch (GeneralSecurityException e) {
            return new Inspection.ChainCheck(false, caFile.toString(), e.getMessage());
        }
    }

    private static String reason(CertPathValidatorException e) {
        if (e.getReason() instanceof CertPathValidatorException.BasicReason basic) {
            switch (basic) {
                case EXPIRED -> {
                    return "a certificate in the chain has expired";
                }
                case NOT_YET_VALID -> {
                    return "a certificate in the chain is not valid yet";
                }
                case INVALID_SIGNATURE -> {
                    return "a signature does not verify";
                }
                default -> { }
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not chain") || message.contains("anchor")) {
            return "not signed by this CA";
        }
        return message;
    }

    /** Certificates from a PEM or DER file (for a CA file). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return read(file, Files.readAllBytes(file), null).certificates;
    }

    private static final class Contents {
        String format;
        final List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key;
        String keyText;
        final List<String> notes = new ArrayList<>();
    }

    private static Contents read(Path file, byte[] bytes, char[] passphrase) throws IOException {
        Contents contents = new Contents();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN ")) {
            contents.format = "PEM";
            readPem(file, text, passphrase, contents);
            return contents;
        }
        if (readDerCertificates(bytes, contents)) {
            contents.format = "DER certificate";
            return contents;
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(bytes);
            String algorithm = info.getPrivateKeyAlgorithm().getAlgorithm().getId().equals("1.2.840.113549.1.1.1")
                    ? "RSA" : "EC";
            contents.key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(bytes));
            contents.keyText = Keys.describe(contents.key);
            contents.format = "DER private key";
            return contents;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // not a PKCS#8 key: try PKCS#12 next
        }
        readPkcs12(file, passphrase, contents);
        return contents;
    }

    private static void readPem(Path file, String text, char[] passphrase, Contents contents) throws IOException {
        boolean encrypted = false;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    encrypted = true;
                } else if (contents.keyText == null && (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo)) {
                    contents.keyText = "";
                }
            }
        }
        try {
            contents.certificates.addAll(PemFiles.readCertificates(file));
        } catch (IOException e) {
            if (!e.getMessage().endsWith("contains no PEM certificate")) {
                contents.notes.add(e.getMessage());
            }
        }
        if (contents.keyText == null && !encrypted) {
            return;
        }
        if (encrypted && (passphrase == null || passphrase.length == 0)) {
            contents.keyText = "encrypted private key";
            contents.notes.add("the private key is encrypted: give its passphrase to check it against the "
                    + "certificate");
            return;
        }
        try {
            contents.key = PemFiles.readPrivateKey(file, passphrase);
            contents.keyText = Keys.describe(contents.key) + (encrypted ? ", encrypted" : "");
        } catch (IOException e) {
            contents.keyText = encrypted ? "encrypted private key" : "unreadable private key";
            contents.notes.add(e.getMessage());
        }
    }

    private static boolean readDerCertificates(byte[] bytes, Contents contents) {
        try {
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                contents.certificates.add((X509Certificate) c);
            }
            return !contents.certificates.isEmpty();
        } catch (CertificateException e) {
            return false;
        }
    }

    private static void readPkcs12(Path file, char[] passphrase, Contents contents) throws IOException {
        char[] password = passphrase == null ? new char[0] : passphrase;
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password);
        } catch (IOException | GeneralSecurityException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || e.getMessage() != null
                    && e.getMessage().contains("password")) {
                contents.format = "PKCS#12";
                contents.notes.add(passphrase == null ? "a PKCS#12 bundle: give its password to read it"
                        : "wrong password for the PKCS#12 bundle");
                contents.keyText = "in the bundle (locked)";
                return;
            }
            contents.format = "unknown";
            return;
        }
        contents.format = store.getType().equalsIgnoreCase("JKS") ? "JKS" : "PKCS#12";
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    for (Certificate c : store.getCertificateChain(alias)) {
                        contents.certificates.add((X509Certificate) c);
                    }
                    if (contents.key == null && store.getKey(alias, password) instanceof PrivateKey key) {
                        contents.key = key;
                        contents.keyText = Keys.describe(key) + " (alias " + alias + ")";
                    }
                } else if (store.getCertificate(alias) instanceof X509Certificate c) {
                    contents.certificates.add(c);
                }
            }
        } catch (GeneralSecurityException e) {
            contents.notes.add("cannot read every entry: " + e.getMessage());
        }
    }
}
