package dev.skeeter.cli;

import picocli.CommandLine.Command;

/** {@code skeeter cert}: a CA, server and client certificates, and inspection, without openssl. */
@Command(
        name = "cert",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create and inspect TLS certificates for MQTT: a CA, server and client certificates (PEM, as the",
            "mosquitto guide names them), ready for mosquitto -c and mosquitto_sub --cafile --cert --key."
        },
        footer = {
            "",
            "Example: a CA, a server certificate for this computer and a client certificate for alice:",
            "  skeeter cert ca -o certs && skeeter cert server -o certs && skeeter cert client -o certs --cn alice",
            "  mosquitto -c certs/mosquitto-tls.conf",
            "  mosquitto_sub -h localhost -p 8883 -t '#' -v --cafile certs/ca.crt --cert certs/client.crt "
                    + "--key certs/client.key"
        },
        subcommands = {CertCaCommand.class, CertServerCommand.class, CertClientCommand.class,
            CertInspectCommand.class})
public final class CertCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
