package dev.skeeter.bench;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/** Builds the bench's client TLS context from PEM files, with the meaning mosquitto_pub gives its options. */
public final class BenchTls {
    private BenchTls() {
    }

    /**
     * @param caFile   trusted CA certificates (PEM); null trusts the JDK's default CAs
     * @param certFile client certificate chain (PEM) for mutual TLS, or null
     * @param keyFile  the client certificate's private key (PEM, unencrypted), required with {@code certFile}
     * @param insecure skip the check that the server certificate names the host (as mosquitto_pub's --insecure);
     *                 the chain is still verified
     */
    public static SslContext clientContext(Path caFile, Path certFile, Path keyFile, boolean insecure)
            throws IOException {
        if ((certFile == null) != (keyFile == null)) {
            throw new IllegalArgumentException("--cert and --key go together");
        }
        SslContextBuilder builder = SslContextBuilder.forClient()
                .endpointIdentificationAlgorithm(insecure ? null : "HTTPS");
        if (caFile != null) {
            builder.trustManager(readable(caFile).toFile());
        }
        if (certFile != null) {
            builder.keyManager(readable(certFile).toFile(), readable(keyFile).toFile());
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("cannot set up TLS from the given files: " + e.getMessage(), e);
        }
    }

    private static Path readable(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        return file;
    }
}
