package dev.skeeter.ui.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.certs.KeyType;
import dev.skeeter.cli.SkeeterCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertCommandsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsGiveTheReadmesThreeCommands() {
        WizardSettings s = WizardSettings.defaults(dir);

        assertThat(CertCommands.of(s)).containsExactly(
                "skeeter cert ca -o " + dir + " --subject '" + s.caSubject() + "'",
                "skeeter cert server -o " + dir,
                "skeeter cert client -o " + dir + " --cn client");
    }

    @Test
    void theCommandsWriteTheSameFilesAsTheWizard() throws Exception {
        Path wizard = Files.createDirectory(dir.resolve("wizard"));
        Path cli = Files.createDirectory(dir.resolve("cli"));
        WizardSettings s = settings(wizard);
        CertificateBatch.run(s, false, (i, t, x) -> { });

        for (String command : CertCommands.of(settings(cli))) {
            List<String> args = words(command);
            assertThat(args.subList(0, 2)).containsExactly("skeeter", "cert");
            assertThat(SkeeterCommand.commandLine().execute(args.subList(1, args.size()).toArray(String[]::new)))
                    .as(command).isZero();
        }

        assertThat(names(cli)).isEqualTo(names(wizard));
        assertThat(Files.readString(cli.resolve("mosquitto-tls.conf")).replace(cli.toString(), "DIR"))
                .isEqualTo(Files.readString(wizard.resolve("mosquitto-tls.conf")).replace(wizard.toString(), "DIR"));
    }

    private static WizardSettings settings(Path out) {
        WizardSettings d = WizardSettings.defaults(out);
        return new WizardSettings(true, "Acme's CA", KeyType.EC_P384, 1000, null, null, null, "broker.lan",
                List.of("broker.lan", "10.0.0.7"), KeyType.RSA_2048, 300, List.of("alice", "Bob Smith"),
                KeyType.DEFAULT, d.clientDays(), out, null, null, 8884);
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Splits a command line as a POSIX shell does for the quoting {@link CertCommands} uses. */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == '\\' && !quoted && i + 1 < command.length()) {
                word.append(command.charAt(++i));
            } else if (c == ' ' && !quoted) {
                if (any || word.length() > 0) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
            }
        }
        if (any || word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
