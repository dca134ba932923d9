package dev.skeeter.cli;

import dev.skeeter.certs.CertificateIssuer;
import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.ExistingFilesException;
import dev.skeeter.certs.MosquittoSnippet;
import dev.skeeter.certs.SubjectAltNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skeeter cert server}: a broker's certificate, signed by the CA, plus a mosquitto.conf snippet. */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Create a server (broker) certificate signed by the CA in DIR: writes server.crt, server.key "
                + "and mosquitto-tls.conf, a TLS listener that requires client certificates.",
            "Names default to localhost, 127.0.0.1, ::1 and this computer's name."},
        footer = {"", "Example:", "  skeeter cert server -o certs --san broker.lan --san 192.168.1.10",
            "  mosquitto -c certs/mosquitto-tls.conf"})
public final class CertServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CertOutputOptions output;

    @Option(names = "--cn", paramLabel = "NAME", description = "Common name (default: ${DEFAULT-VALUE}).")
    private String commonName = "localhost";

    @Option(names = "--san", paramLabel = "NAME", split = ",",
            description = "Host name or IP address the broker is reached by (repeatable; replaces the defaults).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--add-san", paramLabel = "NAME", split = ",",
            description = "Host name or IP address to add to the defaults (repeatable).")
    private List<String> extraNames = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", description = "Port in the mosquitto snippet (default: "
            + "${DEFAULT-VALUE}).")
    private int port = MosquittoSnippet.DEFAULT_PORT;

    @Mixin
    private CaOptions ca;

    @Override
    public Integer call() {
        return CertRun.run(spec, () -> {
            var authority = CertIssuing.loadCa(output.dir, ca.caCert, ca.caKey, ca.caPassphrase);
            List<String> sans = new ArrayList<>(names.isEmpty() ? SubjectAltNames.localDefaults() : names);
            sans.addAll(extraNames);
            CertificateRequest request = CertificateRequest.server().withSubject(commonName)
                    .withSubjectAltNames(sans).withKeyType(output.keyType);
            if (output.days != null) {
                request = request.withValidityDays(output.days);
            }
            var out = spec.commandLine().getOut();
            if (request.validityWarning() != null) {
                spec.commandLine().getErr().println("warning: " + request.validityWarning());
            }
            String stem = output.stem("server");
            var written = CertIssuing.write(CertificateIssuer.issue(authority, request), output, stem);
            Path caFile = ca.caCert != null ? ca.caCert : output.dir.resolve("ca.crt");
            String snippet = MosquittoSnippet.tlsListener(port, caFile, output.dir.resolve(stem + ".crt"),
                    output.dir.resolve(stem + ".key"), true);
            try {
                written = new ArrayList<>(written);
                written.add(CertificateWriter.writeText(output.dir.resolve(MosquittoSnippet.fileName(stem)), snippet,
                        "mosquitto.conf snippet", output.force));
            } catch (ExistingFilesException e) {
                out.println("kept the existing " + e.files().get(0) + " (use --force to replace it)");
            } catch (IOException e) {
                throw new CertIssuing.CertError(e.getMessage());
            }
            CertIssuing.print(out, written);
            out.println("names: " + String.join(", ", request.subjectAltNames()));
            out.println();
            out.print(snippet);
        });
    }

    /** Where the signing CA comes from. */
    static final class CaOptions {
        @Option(names = "--ca-cert", paramLabel = "FILE", description = "CA certificate (default: DIR/ca.crt).")
        Path caCert;

        @Option(names = "--ca-key", paramLabel = "FILE",
                description = "CA private key (default: DIR/ca.key, or beside --ca-cert).")
        Path caKey;

        @Option(names = "--ca-passphrase", paramLabel = "PASSPHRASE", arity = "0..1", interactive = true,
                description = "Passphrase of an encrypted CA key; asks for it when no value is given.")
        char[] caPassphrase;
    }
}
