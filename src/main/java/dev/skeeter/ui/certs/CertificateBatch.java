package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateIssuer;
import dev.skeeter.certs.CertificateRequest;
import dev.skeeter.certs.CertificateWriter;
import dev.skeeter.certs.ExistingFilesException;
import dev.skeeter.certs.IssuedCertificate;
import dev.skeeter.certs.MosquittoSnippet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Does what the wizard's settings ask, with the toolkit {@code skeeter cert} uses: loads or creates the CA, then the
 * server certificate with its mosquitto.conf snippet, then each client certificate. Slow (RSA 4096 keys take
 * seconds each): run it on a background thread; it reports each step as it starts. Before anything is generated it
 * checks every file it would write, so with {@code overwrite} off an existing file stops it with nothing written.
 */
public final class CertificateBatch {
    /** Called on the batch's thread before each step, e.g. (2, 4, "Server certificate (RSA 4096 key)"). */
    public interface Progress {
        void step(int index, int total, String text);
    }

    /** A client certificate's files; {@code p12} is null when no bundle was asked for. */
    public record ClientFiles(String commonName, Path certificate, Path key, Path p12) {
    }

    /**
     * What was written, and what the finish step and the summary page need.
     *
     * @param written every file written, in order, with its description
     */
    public record Result(List<CertificateWriter.Written> written, Path caCertificate, Path serverCertificate,
                         Path serverKey, List<ClientFiles> clients, String mosquittoSnippet, Path snippetFile) {
        public Result {
            written = List.copyOf(written);
            clients = List.copyOf(clients);
        }
    }

    private CertificateBatch() {
    }

    /** Every file {@link #run} writes for these settings, in order. */
    public static List<Path> plannedFiles(WizardSettings s) {
        List<Path> files = new ArrayList<>();
        if (s.newCa()) {
            files.addAll(CertificateWriter.plannedFiles(s.outputDir(), "ca", caOptions(s, false)));
        }
        files.addAll(CertificateWriter.plannedFiles(s.outputDir(), "server", serverOptions(s, false)));
        files.add(s.outputDir().resolve(MosquittoSnippet.fileName("server")));
        for (String cn : s.clientNames()) {
            files.addAll(CertificateWriter.plannedFiles(s.outputDir(), WizardSettings.clientStem(cn),
                    clientOptions(s, false)));
        }
        return files;
    }

    /** The planned files that exist already. Blocking file I/O. */
    public static List<Path> existingFiles(WizardSettings s) {
        return plannedFiles(s).stream().filter(Files::exists).toList();
    }

    public static Result run(WizardSettings s, boolean overwrite, Progress progress) throws IOException {
        if (!overwrite) {
            List<Path> existing = existingFiles(s);
            if (!existing.isEmpty()) {
                throw new ExistingFilesException(existing);
            }
        }
        int total = 2 + s.clientNames().size();
        int step = 0;
        List<CertificateWriter.Written> written = new ArrayList<>();
        IssuedCertificate ca;
        if (s.newCa()) {
            progress.step(++step, total, "CA certificate (" + s.caKeyType().label() + " key)");
            CertificateRequest request = CertificateRequest.ca(s.caSubject()).withKeyType(s.caKeyType())
                    .withValidityDays(s.caDays());
            ca = CertificateIssuer.createCa(request);
            written.addAll(CertificateWriter.write(ca, s.outputDir(), "ca", caOptions(s, overwrite)));
        } else {
            progress.step(++step, total, "Loading the CA from " + s.existingCaCert().getFileName());
            ca = IssuedCertificate.loadCa(s.existingCaCert(), s.existingCaKey(), s.existingCaPassphrase());
        }

        progress.step(++step, total, "Server certificate (" + s.serverKeyType().label() + " key)");
        CertificateRequest server = CertificateRequest.server().withSubject(s.serverCn())
                .withSubjectAltNames(s.serverNames()).withKeyType(s.serverKeyType()).withValidityDays(s.serverDays());
        written.addAll(CertificateWriter.write(CertificateIssuer.issue(ca, server), s.outputDir(), "server",
                serverOptions(s, overwrite)));
        Path serverCrt = s.outputDir().resolve("server.crt");
        Path serverKey = s.outputDir().resolve("server.key");
        String snippet = MosquittoSnippet.tlsListener(s.tlsPort(), s.caCertificateFile(), serverCrt, serverKey, true);
        Path snippetFile = s.outputDir().resolve(MosquittoSnippet.fileName("server"));
        written.add(CertificateWriter.writeText(snippetFile, snippet, "mosquitto.conf snippet", overwrite));

        List<ClientFiles> clients = new ArrayList<>();
        for (String cn : s.clientNames()) {
            progress.step(++step, total, "Client certificate for " + cn + " (" + s.clientKeyType().label() + " key)");
            CertificateRequest client = CertificateRequest.client(cn).withKeyType(s.clientKeyType())
                    .withValidityDays(s.clientDays());
            String stem = WizardSettings.clientStem(cn);
            written.addAll(CertificateWriter.write(CertificateIssuer.issue(ca, client), s.outputDir(), stem,
                    clientOptions(s, overwrite)));
            clients.add(new ClientFiles(cn, s.outputDir().resolve(stem + ".crt"), s.outputDir().resolve(stem + ".key"),
                    s.pkcs12() ? s.outputDir().resolve(stem + ".p12") : null));
        }
        return new Result(written, s.caCertificateFile(), serverCrt, serverKey, clients, snippet, snippetFile);
    }

    private static CertificateWriter.Options caOptions(WizardSettings s, boolean overwrite) {
        return new CertificateWriter.Options(s.keyPassphrase(), null, overwrite);
    }

    /** The server key stays unencrypted: mosquitto and our broker read it at start, with nobody to ask. */
    private static CertificateWriter.Options serverOptions(WizardSettings s, boolean overwrite) {
        return new CertificateWriter.Options(null, s.p12Password(), overwrite);
    }

    private static CertificateWriter.Options clientOptions(WizardSettings s, boolean overwrite) {
        return new CertificateWriter.Options(s.keyPassphrase(), s.p12Password(), overwrite);
    }
}
