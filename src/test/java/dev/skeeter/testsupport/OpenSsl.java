package dev.skeeter.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** openssl commands run in one directory, for the test PKIs; a failed command fails the test with openssl's output. */
public final class OpenSsl {
    private final Path dir;

    public OpenSsl(Path dir) {
        this.dir = dir;
    }

    public void run(String... args) throws IOException {
        ProcessRun result;
        try {
            result = ProcessRun.openssl(dir, args);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (result.exitCode() != 0) {
            fail("openssl " + String.join(" ", args) + " failed, " + result);
        }
    }

    /** An EC P-256 key in SEC1 form ({@code BEGIN EC PRIVATE KEY}). */
    public void ecKey(String file) throws IOException {
        run("ecparam", "-genkey", "-name", "prime256v1", "-noout", "-out", file);
    }

    /** A CA valid for ten years: its key {@code NAME.key} and self-signed certificate {@code NAME.pem}. */
    public void ca(String name, String commonName) throws IOException {
        ecKey(name + ".key");
        run("req", "-x509", "-new", "-key", name + ".key", "-subj", "/CN=" + commonName, "-days", "3650",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", name + ".pem");
    }

    /**
     * The files openssl's {@code ca} command needs (ca.cnf, its index and serial): only that command can back-date a
     * certificate (openssl 3.0's x509 cannot), revoke one and write a CRL.
     */
    public void caDatabase() throws IOException {
        Files.writeString(dir.resolve("ca.cnf"), String.join("\n",
                "[ca]", "default_ca = test_ca",
                "[test_ca]", "database = index.txt", "new_certs_dir = .", "serial = serial.txt",
                "default_md = sha256", "policy = any", "copy_extensions = copy", "unique_subject = no",
                "default_crl_days = 30", "default_days = 365",
                "[any]", "commonName = supplied", ""));
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("serial.txt"), "1000\n");
    }
}
