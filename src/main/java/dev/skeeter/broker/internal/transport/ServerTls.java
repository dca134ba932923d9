package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.ListenerTls;
import dev.skeeter.certs.PemFiles;
import io.netty.handler.ssl.CipherSuiteConverter;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CRL;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds a listener's server TLS context from mosquitto's options: PEM certificate chain and key (PKCS#1, SEC1 or
 * PKCS#8), CAs from {@code cafile} and {@code capath} for client certificates, a CRL, the lowest TLS version, and
 * OpenSSL cipher names. Files are read when the listener starts; errors name the file and the option. Stateless.
 */
public final class ServerTls {
    private ServerTls() {
    }

    public static SslContext context(ListenerTls tls) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = PemFiles.readCertificates(readable(tls.certFile(), "certfile"));
        PrivateKey key = PemFiles.readPrivateKey(readable(tls.keyFile(), "keyfile"), null);
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain).sslProvider(SslProvider.JDK)
                .protocols(protocols(tls.tlsVersion()));
        List<X509Certificate> cas = certificateAuthorities(tls);
        if (!cas.isEmpty()) {
            builder.trustManager(new RefusalExplainingTrustManager(trustManager(cas, tls.crlFile())));
        }
        builder.clientAuth(tls.requireCertificate() ? ClientAuth.REQUIRE : ClientAuth.NONE);
        List<String> ciphers = ciphers(tls);
        if (!ciphers.isEmpty()) {
            builder.ciphers(ciphers);
        }
        try {
            return builder.build();
        } catch (javax.net.ssl.SSLException e) {
            throw new GeneralSecurityException("cannot use " + tls.certFile() + " with " + tls.keyFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Mosquitto's {@code tls_version} is the lowest version accepted. */
    static String[] protocols(String tlsVersion) {
        if (tlsVersion == null) {
            return new String[] {"TLSv1.3", "TLSv1.2"};
        }
        return switch (tlsVersion) {
            case "tlsv1.3" -> new String[] {"TLSv1.3"};
            case "tlsv1.2" -> new String[] {"TLSv1.3", "TLSv1.2"};
            default -> new String[] {"TLSv1.3", "TLSv1.2", "TLSv1.1"};
        };
    }

    private static List<X509Certificate> certificateAuthorities(ListenerTls tls) throws IOException {
        List<X509Certificate> cas = new ArrayList<>();
        if (tls.caFile() != null) {
            cas.addAll(PemFiles.readCertificates(readable(tls.caFile(), "cafile")));
        }
        if (tls.caPath() != null) {
            if (!Files.isDirectory(tls.caPath())) {
                throw new IOException("capath " + tls.caPath() + " is not a directory");
            }
            // Like OpenSSL's hashed directory, but any PEM file will do; files without certificates are skipped.
            try (DirectoryStream<Path> files = Files.newDirectoryStream(tls.caPath(), Files::isRegularFile)) {
                for (Path file : files) {
                    try {
                        cas.addAll(PemFiles.readCertificates(file));
                    } catch (IOException e) {
                        // not a certificate (a key, a README): skipped as OpenSSL skips it
                    }
                }
            }
            if (cas.isEmpty()) {
                throw new IOException("capath " + tls.caPath() + " holds no PEM certificate");
            }
        }
        return cas;
    }

    private static X509ExtendedTrustManager trustManager(List<X509Certificate> cas, Path crlFile)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(store, new X509CertSelector());
        if (crlFile == null) {
            parameters.setRevocationEnabled(false); // no CRL, no OCSP: mosquitto checks only what it is given
        } else {
            Collection<? extends CRL> crls;
            try (InputStream in = Files.newInputStream(readable(crlFile, "crlfile"))) {
                crls = CertificateFactory.getInstance("X.509").generateCRLs(in);
            } catch (java.security.cert.CRLException e) {
                throw new IOException("crlfile " + crlFile + ": not a PEM certificate revocation list", e);
            }
            if (crls.isEmpty()) {
                throw new IOException("crlfile " + crlFile + " holds no certificate revocation list");
            }
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            parameters.setRevocationEnabled(true);
            // The CRL is the only revocation source, as in mosquitto: no OCSP or CRL downloads.
            var checker = (java.security.cert.PKIXRevocationChecker) java.security.cert.CertPathValidator
                    .getInstance("PKIX").getRevocationChecker();
            checker.setOptions(java.util.EnumSet.of(java.security.cert.PKIXRevocationChecker.Option.PREFER_CRLS,
                    java.security.cert.PKIXRevocationChecker.Option.NO_FALLBACK,
                    java.security.cert.PKIXRevocationChecker.Option.ONLY_END_ENTITY));
            parameters.addCertPathChecker(checker);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(new CertPathTrustManagerParameters(parameters));
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
    }

    /** OpenSSL names (as mosquitto takes them) to the JDK's; TLS 1.3 suites have one name in both. */
    static List<String> ciphers(ListenerTls tls) {
        List<String> names = new ArrayList<>();
        for (String list : new String[] {tls.ciphers(), tls.ciphersTls13()}) {
            if (list == null) {
                continue;
            }
            for (String name : list.split("[:, ]+")) {
                if (name.isEmpty()) {
                    continue;
                }
                if (name.startsWith("TLS_")) {
                    names.add(name);
                    continue;
                }
                String java = CipherSuiteConverter.toJava(name, "TLS");
                if (java == null) {
                    throw new IllegalArgumentException("ciphers: '" + name + "' is not an OpenSSL cipher name this "
                            + "broker knows (keywords such as HIGH or !aNULL are not supported: list the ciphers)");
                }
                names.add(java);
            }
        }
        return names;
    }

    private static Path readable(Path file, String option) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(option + " " + file + " is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new IOException(option + " " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(option + " " + file + ": permission denied");
        }
        return file;
    }
}
