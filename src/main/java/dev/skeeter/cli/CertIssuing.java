package dev.skeeter.cli;

import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.ExistingFilesException;
import dev.skeeter.certs.IssuedCertificate;
import dev.skeeter.certs.KeyMismatchException;
import dev.skeeter.certs.PemFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the certificate commands share: loading the CA, writing files, and errors that say what to do. */
final class CertIssuing {
    private CertIssuing() {
    }

    /** The CA from --ca-cert/--ca-key, else DIR/ca.crt and DIR/ca.key; prompts for nothing (use --ca-passphrase). */
    static IssuedCertificate loadCa(Path dir, Path caCert, Path caKey, char[] passphrase) throws CertError {
        Path cert = caCert != null ? caCert : dir.resolve("ca.crt");
        Path key = caKey != null ? caKey : caCert != null ? siblingKey(caCert) : dir.resolve("ca.key");
        if (!Files.exists(cert)) {
            throw new CertError("no CA certificate at " + cert + ": create one with `skeeter cert ca -o "
                    + (caCert != null ? cert.toAbsolutePath().getParent() : dir) + "`, or give yours with --ca-cert "
                    + "FILE --ca-key FILE");
        }
        if (!Files.exists(key)) {
            throw new CertError("no CA private key at " + key + ": give it with --ca-key FILE");
        }
        try {
            if (PemFiles.isEncryptedKey(key) && (passphrase == null || passphrase.length == 0)) {
                throw new CertError("the CA key " + key + " is encrypted: give its passphrase with --ca-passphrase");
            }
            return IssuedCertificate.loadCa(cert, key, passphrase);
        } catch (KeyMismatchException e) {
            throw new CertError(e.getMessage() + ": give the CA's own key with --ca-key FILE");
        } catch (IOException e) {
            throw new CertError(e.getMessage());
        }
    }

    private static Path siblingKey(Path cert) {
        String name = cert.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return cert.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".key");
    }

    static List<CertificateWriter.Written> write(IssuedCertificate issued, CertOutputOptions output, String stem)
            throws CertError {
        try {
            return CertificateWriter.write(issued, output.dir, stem, output.writerOptions());
        } catch (ExistingFilesException e) {
            throw new CertError(e.getMessage() + ": nothing was written. Use --force to overwrite, --name to "
                    + "choose another name, or -o for another directory");
        } catch (IOException | IllegalArgumentException e) {
            throw new CertError(e.getMessage());
        }
    }

    static void print(PrintWriter out, List<CertificateWriter.Written> written) {
        for (CertificateWriter.Written w : written) {
            out.println("wrote " + w.file() + " (" + w.description() + ")");
        }
    }

    /** A user error: printed as "skeeter cert: ..." with exit code 1. */
    static final class CertError extends Exception {
        CertError(String message) {
            super(message);
        }
    }
}
