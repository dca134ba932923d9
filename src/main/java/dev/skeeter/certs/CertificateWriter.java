package dev.skeeter.certs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.openssl.PKCS8Generator;

/**
 * Writes a certificate and its key as the mosquitto guide names them ({@code STEM.crt}, {@code STEM.key}), the key
 * optionally encrypted (PKCS#8, AES-256, PBKDF2-HMAC-SHA256), and optionally a PKCS#12 bundle ({@code STEM.p12})
 * with the key, the certificate and its CA. Private keys and bundles are created 0600. Nothing is overwritten
 * unless asked: when a file exists and {@code overwrite} is off, nothing at all is written. Each file appears at
 * once, complete (written beside it, then renamed). Stateless.
 */
public final class CertificateWriter {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final int PBKDF2_ITERATIONS = 100_000;

    /**
     * @param keyPassphrase  encrypts the private key when not null or empty
     * @param pkcs12Password writes {@code STEM.p12} with this password when not null or empty
     * @param overwrite      replace existing files
     */
    public record Options(char[] keyPassphrase, char[] pkcs12Password, boolean overwrite) {
        public static final Options DEFAULT = new Options(null, null, false);

        public boolean encryptKey() {
            return keyPassphrase != null && keyPassphrase.length > 0;
        }

        public boolean pkcs12() {
            return pkcs12Password != null && pkcs12Password.length > 0;
        }
    }

    /** One file written, e.g. ("server.key", "private key, encrypted"). */
    public record Written(Path file, String description) {
    }

    private CertificateWriter() {
    }

    /** The files {@link #write} would create for these options, in the order it writes them. */
    public static List<Path> plannedFiles(Path dir, String stem, Options options) {
        List<Path> files = new ArrayList<>(List.of(dir.resolve(stem + ".crt"), dir.resolve(stem + ".key")));
        if (options.pkcs12()) {
            files.add(dir.resolve(stem + ".p12"));
        }
        return files;
    }

    public static List<Written> write(IssuedCertificate issued, Path dir, String stem, Options options)
            throws IOException {
        requireStem(stem);
        Map<Path, byte[]> contents = new LinkedHashMap<>();
        List<Written> written = new ArrayList<>();
        Path crt = dir.resolve(stem + ".crt");
        Path key = dir.resolve(stem + ".key");
        contents.put(crt, pem(issued.certificate()));
        contents.put(key, keyPem(issued.privateKey(), options.keyPassphrase()));
        written.add(new Written(crt, issued.isCa() ? "CA certificate" : "certificate"));
        written.add(new Written(key, options.encryptKey() ? "private key, encrypted" : "private key"));
        if (options.pkcs12()) {
            Path p12 = dir.resolve(stem + ".p12");
            contents.put(p12, pkcs12(issued, stem, options.pkcs12Password()));
            written.add(new Written(p12, "PKCS#12 bundle (key, certificate and CA)"));
        }
        writeAll(contents, Map.of(crt, false), options.overwrite());
        return written;
    }

    /** A plain text file (e.g. a mosquitto.conf snippet), with the same no-overwrite rule. */
    public static Written writeText(Path file, String text, String description, boolean overwrite)
            throws IOException {
        writeAll(Map.of(file, text.getBytes(StandardCharsets.UTF_8)), Map.of(file, false), overwrite);
        return new Written(file, description);
    }

    /** The certificate in PEM form. */
    public static byte[] pem(X509Certificate certificate) throws IOException {
        return pemObject(certificate);
    }

    /** PKCS#8 PEM; encrypted when {@code passphrase} is not empty. */
    public static byte[] keyPem(PrivateKey key, char[] passphrase) throws IOException {
        try {
            OutputEncryptor encryptor = null;
            if (passphrase != null && passphrase.length > 0) {
                encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setPRF(PKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setProvider(BC)
                        .setPassword(passphrase)
                        .build();
            }
            return pemObject(new JcaPKCS8Generator(key, encryptor).generate());
        } catch (OperatorCreationException e) {
            throw new IOException("cannot encrypt the private key: " + e.getMessage(), e);
        }
    }

    /**
     * A PKCS#12 bundle from the JDK's own writer (AES-256 and HMAC-SHA256 since JDK 17), which OpenSSL 1.1 and 3
     * and Java's KeyStore read.
     */
    public static byte[] pkcs12(IssuedCertificate issued, String alias, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            X509Certificate[] chain = issued.issuer().equals(issued.certificate())
                    ? new X509Certificate[] {issued.certificate()}
                    : new X509Certificate[] {issued.certificate(), issued.issuer()};
            store.setKeyEntry(alias, issued.privateKey(), password, chain);
            var out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the PKCS#12 bundle: " + e.getMessage(), e);
        }
    }

    private static byte[] pemObject(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code publicFiles} maps the files that may be world-readable to false; all others are created 0600. */
    private static void writeAll(Map<Path, byte[]> contents, Map<Path, Boolean> publicFiles, boolean overwrite)
            throws IOException {
        if (!overwrite) {
            List<Path> existing = contents.keySet().stream().filter(Files::exists).toList();
            if (!existing.isEmpty()) {
                throw new ExistingFilesException(existing);
            }
        }
        for (Map.Entry<Path, byte[]> entry : contents.entrySet()) {
            Path file = entry.getKey().toAbsolutePath();
            Files.createDirectories(file.getParent());
            boolean secret = !publicFiles.containsKey(entry.getKey());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    permissions(secret ? "rw-------" : "rw-r--r--"));
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    out.write(entry.getValue());
                }
                if (overwrite) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temp, file);
                }
            } catch (FileAlreadyExistsException e) {
                throw new ExistingFilesException(List.of(file));
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static FileAttribute<?>[] permissions(String posix) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(posix))};
    }

    static void requireStem(String stem) {
        if (stem == null || stem.isBlank() || !stem.matches("[A-Za-z0-9._-]+") || stem.startsWith(".")) {
            throw new IllegalArgumentException("'" + stem + "' is not a usable file name stem (letters, digits, "
                    + "'.', '_' and '-' only)");
        }
    }
}
