package dev.skeeter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skeeter.testsupport.ExternalDaemon;
import dev.skeeter.testsupport.ExternalTools;
import dev.skeeter.testsupport.MosquittoBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TLS options against a mosquitto TLS listener whose certificate names only "localhost". */
class BenchTlsCommandTest {
    private static Path certs;
    private static MosquittoBroker mosquitto;

    private final CommandRun cli = new CommandRun();

    @BeforeAll
    static void startTlsMosquitto() throws Exception {
        certs = ExternalDaemon.readableDirectory("skeeter-bench-tls-");
        Files.writeString(certs.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=skeeter bench test CA");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "other-ca.key", "-out", "other-ca.pem", "-days", "2", "-subj", "/CN=another CA");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        for (String file : List.of("ca.pem", "server.pem", "server.key")) {
            Files.setPosixFilePermissions(certs.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
        }
        mosquitto = MosquittoBroker.start("cafile " + certs.resolve("ca.pem"),
                "certfile " + certs.resolve("server.pem"), "keyfile " + certs.resolve("server.key"),
                "max_queued_messages 1000000");
    }

    @AfterAll
    static void stopMosquitto() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private int bench(String host, String caFile, String... extra) {
        List<String> args = new ArrayList<>(List.of("bench", "-h", host, "-p", String.valueOf(mosquitto.port()),
                "--cafile", certs.resolve(caFile).toString(), "-q", "1", "--publishers", "1", "--rate", "500",
                "--warmup", "0.2", "--duration", "0.5", "--json"));
        args.addAll(List.of(extra));
        return cli.execute(args.toArray(String[]::new));
    }

    @Test
    void theServerIsVerifiedAgainstTheCaFile() throws Exception {
        assertThat(bench("localhost", "ca.pem")).as(cli.err()).isZero();
        assertThat(new ObjectMapper().readTree(cli.out().strip()).get("lost").asLong()).isZero();
    }

    @Test
    void aServerSignedByAnotherCaIsRefused() {
        assertThat(bench("localhost", "other-ca.pem")).isEqualTo(1);
        assertThat(cli.err()).contains("skeeter bench:").containsIgnoringCase("certification path");
    }

    @Test
    void insecureSkipsOnlyTheHostNameCheck() {
        assertThat(bench("127.0.0.1", "ca.pem")).isEqualTo(1);
        assertThat(cli.err()).contains("skeeter bench:");

        assertThat(bench("127.0.0.1", "ca.pem", "--insecure")).as(cli.err()).isZero();
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require("openssl", "openssl").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
