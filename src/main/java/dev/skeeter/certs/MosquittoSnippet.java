package dev.skeeter.certs;

import java.nio.file.Path;

/**
 * A mosquitto.conf snippet for a TLS listener on the files we write, as the mosquitto guide sets one up. With
 * {@code require_certificate true} clients must present a certificate from the CA; {@code use_identity_as_username}
 * makes the certificate's CN the user name, which mosquitto 2 needs to let such clients in without a password
 * file (and which ACLs can then name).
 */
public final class MosquittoSnippet {
    public static final int DEFAULT_PORT = 8883;

    private MosquittoSnippet() {
    }

    public static String tlsListener(int port, Path caFile, Path certFile, Path keyFile, boolean requireCertificate) {
        StringBuilder out = new StringBuilder();
        out.append("# TLS listener made by skeeter cert; run: mosquitto -c THIS_FILE\n");
        out.append("listener ").append(port).append('\n');
        out.append("cafile ").append(caFile.toAbsolutePath()).append('\n');
        out.append("certfile ").append(certFile.toAbsolutePath()).append('\n');
        out.append("keyfile ").append(keyFile.toAbsolutePath()).append('\n');
        out.append("require_certificate ").append(requireCertificate).append('\n');
        if (requireCertificate) {
            out.append("use_identity_as_username true\n");
        }
        return out.toString();
    }

    /** The file name the snippet is written under beside the server files, e.g. {@code mosquitto-tls.conf}. */
    public static String fileName(String serverStem) {
        return serverStem.equals("server") ? "mosquitto-tls.conf" : "mosquitto-tls-" + serverStem + ".conf";
    }
}
