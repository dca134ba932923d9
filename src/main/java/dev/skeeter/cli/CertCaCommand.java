package dev.skeeter.cli;

import dev.skeeter.certs.CertificateIssuer;
import dev.skeeter.certs.CertificateRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skeeter cert ca}: a new CA. */
@Command(name = "ca", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = "Create a CA: writes ca.crt (give it to clients and brokers) and ca.key (keep it private).",
        footer = {"", "Example:", "  skeeter cert ca -o certs --subject '/O=Acme/CN=Acme MQTT CA' --key-type rsa4096"})
public final class CertCaCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CertOutputOptions output;

    @Option(names = {"--subject", "--cn"}, paramLabel = "NAME",
            description = "Name of the CA: a common name, or a subject such as '/O=Acme/CN=Acme CA' "
                    + "(default: Skeeter CA and today's date).")
    private String subject;

    @Override
    public Integer call() {
        return CertRun.run(spec, () -> {
            CertificateRequest request = (subject == null ? CertificateRequest.ca() : CertificateRequest.ca(subject))
                    .withKeyType(output.keyType);
            if (output.days != null) {
                request = request.withValidityDays(output.days);
            }
            var written = CertIssuing.write(CertificateIssuer.createCa(request), output, output.stem("ca"));
            CertIssuing.print(spec.commandLine().getOut(), written);
        });
    }
}
