package dev.skeeter.certs;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM files with BouncyCastle: certificates (also openssl's {@code BEGIN TRUSTED CERTIFICATE}, which the JDK
 * rejects) and private keys in PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), SEC1 ({@code BEGIN EC PRIVATE KEY}) or
 * PKCS#8 ({@code BEGIN PRIVATE KEY} / {@code BEGIN ENCRYPTED PRIVATE KEY}) form, plain or encrypted. Stateless.
 * The BouncyCastle provider is used as an instance for decryption only; it is never installed globally.
 */
public final class PemFiles {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private PemFiles() {
    }

    /** Every certificate in the file, in file order. Throws when there is none. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = parser(file)) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                } else if (o instanceof X509TrustedCertificateBlock trusted) {
                    // openssl's "TRUSTED CERTIFICATE": the certificate followed by trust settings we ignore
                    certificates.add(converter.getCertificate(trusted.getCertificateHolder()));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": unreadable certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + " contains no PEM certificate");
        }
        return certificates;
    }

    /**
     * The first private key in the file. {@code passphrase} may be null for an unencrypted key; an encrypted key
     * without one, or with a wrong one, fails with a message that says so.
     */
    public static PrivateKey readPrivateKey(Path file, char[] passphrase) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = parser(file)) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassphrase(file, passphrase);
                    var decryptor = new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase);
                    return converter.getKeyPair(encrypted.decryptKeyPair(decryptor)).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassphrase(file, passphrase);
                    var decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase);
                    return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(decryptor));
                }
            }
        } catch (OperatorCreationException | PKCSException | PEMException e) {
            throw new IOException(file + ": cannot decrypt the private key (wrong passphrase?)", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": unreadable private key: " + e.getMessage(), e);
        }
        throw new IOException(file + " contains no PEM private key");
    }

    /** True when the file holds an encrypted private key (a passphrase is needed to use it). */
    public static boolean isEncryptedKey(Path file) throws IOException {
        try (PEMParser parser = parser(file)) {
            for (Object o; (o = parser.readObject()) != null; ) {
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    return true;
                }
                if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Latin-1 never fails to decode, so a binary (DER) file reads as "no PEM object" rather than a charset error. */
    static PEMParser parser(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        return new PEMParser(reader);
    }

    private static void requirePassphrase(Path file, char[] passphrase) throws IOException {
        if (passphrase == null || passphrase.length == 0) {
            throw new IOException(file + ": the private key is encrypted: a passphrase is needed");
        }
    }
}
