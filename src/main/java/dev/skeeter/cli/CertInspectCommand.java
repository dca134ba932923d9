package dev.skeeter.cli;

import dev.skeeter.certs.CertificateInspector;
import dev.skeeter.certs.Inspection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skeeter cert inspect}: what a certificate, chain, key or PKCS#12 file holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Show what certificate, chain, key or PKCS#12 files hold (PEM or DER): subject, issuer, names, "
                + "key, validity, fingerprints; check a key against the certificate and the chain against a CA.",
            "Exits with 1 when a certificate has expired or is not yet valid, a key does not match, or the chain "
                    + "does not lead to the CA."},
        footer = {"", "Example:", "  skeeter cert inspect certs/server.crt --key certs/server.key --ca certs/ca.crt",
            "  skeeter cert inspect certs/client.p12 --password secret"})
public final class CertInspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to inspect.")
    private List<Path> files;

    @Option(names = "--key", paramLabel = "FILE", description = "Private key to check against the certificate.")
    private Path key;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificate(s) the certificate should chain to.")
    private Path ca;

    @Option(names = {"--password", "--passphrase"}, paramLabel = "SECRET", arity = "0..1", interactive = true,
            description = "Passphrase of an encrypted key or password of a PKCS#12 file; asks when no value.")
    private char[] password;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Instant now = Instant.now();
        int status = 0;
        for (Path file : files) {
            try {
                Inspection inspection = CertificateInspector.inspect(
                        new CertificateInspector.Request(file, key, password, ca));
                out.print(inspection.toText(now));
                out.println();
                if (isBroken(inspection, now)) {
                    status = 1;
                }
            } catch (IOException e) {
                err.println("skeeter cert inspect: " + e.getMessage());
                status = 1;
            }
        }
        out.flush();
        err.flush();
        return status;
    }

    private static boolean isBroken(Inspection inspection, Instant now) {
        return Boolean.FALSE.equals(inspection.keyMatches())
                || (inspection.chain() != null && !inspection.chain().valid())
                || inspection.certificates().stream().anyMatch(c -> c.isExpiredAt(now) || c.isNotYetValidAt(now));
    }
}
