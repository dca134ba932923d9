package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.KeyType;
import dev.skeeter.certs.MosquittoSnippet;
import dev.skeeter.certs.SubjectAltNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code skeeter cert} commands that write the same files as the wizard, so a user can script what they
 * clicked. Defaults are left out, as a person would type them; passphrases are asked by the commands, never
 * written here. Stateless.
 */
public final class CertCommands {
    private CertCommands() {
    }

    public static List<String> of(WizardSettings s) {
        String dir = quote(s.outputDir().toString());
        List<String> commands = new ArrayList<>();
        StringBuilder caOptions = new StringBuilder();
        if (s.newCa()) {
            StringBuilder ca = new StringBuilder("skeeter cert ca -o ").append(dir);
            ca.append(" --subject ").append(quote(s.caSubject().trim()));
            keyType(ca, s.caKeyType());
            days(ca, s.caDays(), CertificateRequest.CA_DEFAULT_DAYS);
            if (s.encryptKeys()) {
                ca.append(" --key-passphrase");
                caOptions.append(" --ca-passphrase");
            }
            commands.add(ca.toString());
        } else {
            caOptions.append(" --ca-cert ").append(quote(s.existingCaCert().toString()))
                    .append(" --ca-key ").append(quote(s.existingCaKey().toString()));
            if (s.existingCaPassphrase() != null && s.existingCaPassphrase().length > 0) {
                caOptions.append(" --ca-passphrase");
            }
        }

        StringBuilder server = new StringBuilder("skeeter cert server -o ").append(dir).append(caOptions);
        if (!s.serverCn().trim().equals("localhost")) {
            server.append(" --cn ").append(quote(s.serverCn().trim()));
        }
        List<String> names = SubjectAltNames.normalize(s.serverNames());
        if (!names.equals(SubjectAltNames.normalize(SubjectAltNames.localDefaults()))) {
            server.append(" --san ").append(quote(String.join(",", names.stream().map(CertCommands::bare).toList())));
        }
        keyType(server, s.serverKeyType());
        days(server, s.serverDays(), CertificateRequest.LEAF_DEFAULT_DAYS);
        if (s.tlsPort() != MosquittoSnippet.DEFAULT_PORT) {
            server.append(" --port ").append(s.tlsPort());
        }
        if (s.pkcs12()) {
            server.append(" --p12");
        }
        commands.add(server.toString());

        for (String cn : s.clientNames()) {
            StringBuilder client = new StringBuilder("skeeter cert client -o ").append(dir).append(caOptions);
            client.append(" --cn ").append(quote(cn.trim()));
            String stem = WizardSettings.clientStem(cn);
            if (!stem.equals("client")) {
                client.append(" --name ").append(quote(stem));
            }
            keyType(client, s.clientKeyType());
            days(client, s.clientDays(), CertificateRequest.LEAF_DEFAULT_DAYS);
            if (s.encryptKeys()) {
                client.append(" --key-passphrase");
            }
            if (s.pkcs12()) {
                client.append(" --p12");
            }
            commands.add(client.toString());
        }
        return commands;
    }

    private static void keyType(StringBuilder command, KeyType type) {
        if (type != KeyType.DEFAULT) {
            command.append(" --key-type ").append(type.option());
        }
    }

    private static void days(StringBuilder command, int days, int standard) {
        if (days != standard) {
            command.append(" --days ").append(days);
        }
    }

    /** {@code DNS:x} and {@code IP:x} as typed on the command line: the bare name or address. */
    private static String bare(String san) {
        return san.substring(san.indexOf(':') + 1);
    }

    /** POSIX shell quoting, only where needed. */
    static String quote(String text) {
        if (text.matches("[A-Za-z0-9_./:,=@+-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
