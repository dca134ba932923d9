package dev.skeeter.cli;

import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.KeyType;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how {@code skeeter cert ca|server|client} write: shared options. */
final class CertOutputOptions {
    @Option(names = {"-o", "--out-dir"}, paramLabel = "DIR",
            description = "Directory to write to (created if missing; default: the current directory).")
    Path dir = Path.of(".");

    @Option(names = "--name", paramLabel = "STEM",
            description = "File name stem: STEM.crt, STEM.key (default: ca, server or client).")
    String name;

    @Option(names = "--key-type", paramLabel = "TYPE", converter = KeyTypeConverter.class,
            description = "ec256 (default), ec384, rsa2048, rsa3072 or rsa4096.")
    KeyType keyType = KeyType.DEFAULT;

    @Option(names = "--days", paramLabel = "DAYS",
            description = "Validity in days (default: 3650 for a CA, 825 for server and client certificates).")
    Integer days;

    @Option(names = "--key-passphrase", paramLabel = "PASSPHRASE", arity = "0..1", interactive = true,
            description = "Encrypt the private key (PKCS#8, AES-256); asks for it when no value is given.")
    char[] keyPassphrase;

    @Option(names = "--p12", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Also write STEM.p12 (key, certificate and CA) with this password; asks when no value.")
    char[] p12Password;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    CertificateWriter.Options writerOptions() {
        return new CertificateWriter.Options(keyPassphrase, p12Password, force);
    }

    String stem(String fallback) {
        return name == null ? fallback : name;
    }

    static final class KeyTypeConverter implements picocli.CommandLine.ITypeConverter<KeyType> {
        @Override
        public KeyType convert(String value) {
            return KeyType.parse(value);
        }
    }
}
