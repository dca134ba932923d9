package dev.skeeter.cli;

import dev.skeeter.certs.CertificateIssuer;
import dev.skeeter.certs.CertificateRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skeeter cert client}: a client certificate signed by the CA. */
@Command(name = "client", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Create a client certificate signed by the CA in DIR: writes client.crt and client.key.",
        footer = {"", "Example:", "  skeeter cert client -o certs --cn alice --name alice --p12",
            "  mosquitto_sub -h localhost -p 8883 -t '#' --cafile certs/ca.crt --cert certs/alice.crt "
                    + "--key certs/alice.key"})
public final class CertClientCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CertOutputOptions output;

    @Option(names = "--cn", paramLabel = "NAME", description = "Common name: who the client is; with "
            + "use_identity_as_username it is the user name in mosquitto (default: ${DEFAULT-VALUE}).")
    private String commonName = "client";

    @Mixin
    private CertServerCommand.CaOptions ca;

    @Override
    public Integer call() {
        return CertRun.run(spec, () -> {
            var authority = CertIssuing.loadCa(output.dir, ca.caCert, ca.caKey, ca.caPassphrase);
            CertificateRequest request = CertificateRequest.client(commonName).withKeyType(output.keyType);
            if (output.days != null) {
                request = request.withValidityDays(output.days);
            }
            String stem = output.stem("client");
            var written = CertIssuing.write(CertificateIssuer.issue(authority, request), output, stem);
            var out = spec.commandLine().getOut();
            CertIssuing.print(out, written);
            out.println();
            out.println("mosquitto_sub -h localhost -p 8883 -t '#' -v --cafile "
                    + (ca.caCert != null ? ca.caCert : output.dir.resolve("ca.crt")) + " --cert "
                    + output.dir.resolve(stem + ".crt") + " --key " + output.dir.resolve(stem + ".key"));
        });
    }
}
