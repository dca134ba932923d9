package dev.skeeter.certs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds client TLS contexts from {@link TlsSettings}: trust from the system store, a PEM CA file (one or more
 * certificates) or a PKCS#12/JKS trust store; identity from a PEM certificate and key (optionally encrypted) or a
 * PKCS#12/JKS key store. Files are read on every call, so an edited file takes effect at the next connect.
 * Stateless. Errors name the file and what is wrong with it.
 */
public final class TlsContexts {
    /** Newest first: the protocols offered are the chosen minimum and every newer one. */
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    private TlsContexts() {
    }

    public static TlsContext create(TlsSettings settings) throws IOException, GeneralSecurityException {
        X509ExtendedTrustManager trust = trustManager(settings);
        ServerChainRecorder recorder = new ServerChainRecorder(trust);
        KeyManager[] keys = keyManagers(settings);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, new TrustManager[] {recorder}, null);
        return new TlsContext(context, recorder, settings, protocols(settings.minimumProtocol()));
    }

    /** The protocols to enable for a minimum version, or null for the JDK's defaults. */
    static String[] protocols(String minimum) {
        if (minimum == null || minimum.isBlank() || minimum.equalsIgnoreCase("TLS")) {
            return null;
        }
        int index = PROTOCOLS.indexOf(minimum);
        if (index < 0) {
            throw new IllegalArgumentException("unknown TLS version " + minimum + " (use one of " + PROTOCOLS + ")");
        }
        return PROTOCOLS.subList(0, index + 1).toArray(String[]::new);
    }

    private static X509ExtendedTrustManager trustManager(TlsSettings settings)
            throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        switch (settings.trust()) {
            case SYSTEM -> factory.init((KeyStore) null);
            case CA_FILE -> factory.init(caStore(required(settings.trustFile(), "CA file")));
            case TRUST_STORE -> factory.init(loadStore(required(settings.trustFile(), "trust store"),
                    settings.trustStorePassword()));
            default -> throw new IllegalStateException("unknown trust source " + settings.trust());
        }
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X509ExtendedTrustManager");
    }

    /** A PEM file of CA certificates, or a directory of them (mosquitto's {@code --capath}). */
    private static KeyStore caStore(Path caFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> cas = Files.isDirectory(caFile) ? certificatesIn(caFile)
                : PemFiles.readCertificates(caFile);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        return store;
    }

    /** Every certificate in the directory's PEM files; files holding none (keys, CRLs) are skipped. */
    private static List<X509Certificate> certificatesIn(Path dir) throws IOException {
        List<X509Certificate> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            try {
                all.addAll(PemFiles.readCertificates(file));
            } catch (IOException e) {
                // not a certificate file: a CA directory may hold other things
            }
        }
        if (all.isEmpty()) {
            throw new IOException(dir + ": no CA certificates in this directory");
        }
        return all;
    }

    private static KeyManager[] keyManagers(TlsSettings settings) throws IOException, GeneralSecurityException {
        KeyStore store;
        char[] password;
        switch (settings.identity()) {
            case NONE -> {
                return null;
            }
            case PEM -> {
                Path certFile = required(settings.certificateFile(), "client certificate file");
                Path keyFile = required(settings.keyFile(), "client key file");
                List<X509Certificate> chain = PemFiles.readCertificates(certFile);
                PrivateKey key = PemFiles.readPrivateKey(keyFile, settings.keyPassphrase());
                password = new char[0];
                store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("client", key, password, chain.toArray(X509Certificate[]::new));
            }
            case KEY_STORE -> {
                password = settings.keyStorePassword() == null ? new char[0] : settings.keyStorePassword();
                store = loadStore(required(settings.keyStoreFile(), "key store"), password);
            }
            default -> throw new IllegalStateException("unknown identity " + settings.identity());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** A PKCS#12 or JKS store; the JDK recognises the type from the file's content. */
    static KeyStore loadStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                throw new IOException(file + ": wrong password for the key store", e);
            }
            throw new IOException(file + ": cannot read the key store: " + e.getMessage(), e);
        }
    }

    private static Path required(Path file, String what) throws IOException {
        if (file == null) {
            throw new IOException("no " + what + " is set");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read the " + what + " " + file + (Files.exists(file) ? "" : ": no such file"));
        }
        return file;
    }
}
