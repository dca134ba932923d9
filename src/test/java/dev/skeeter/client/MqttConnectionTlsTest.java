package dev.skeeter.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.certs.CertificateSummary;
import dev.skeeter.certs.PemFiles;
import dev.skeeter.certs.TestPki;
import dev.skeeter.profiles.Profile;
import dev.skeeter.testsupport.MosquittoBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS against mosquitto 2 with certificates made by openssl: one mosquitto, one listener per server certificate
 * (good, good + client certificate required, wrong host, expired).
 */
class MqttConnectionTlsTest {
    private static TestPki pki;
    private static MosquittoBroker mosquitto;
    private static int tlsPort;
    private static int mutualPort;
    private static int wrongHostPort;
    private static int expiredPort;
    private static int futurePort;
    private static int mutualTls12Port;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.shared();
        tlsPort = MosquittoBroker.freePort();
        mutualPort = MosquittoBroker.freePort();
        wrongHostPort = MosquittoBroker.freePort();
        expiredPort = MosquittoBroker.freePort();
        futurePort = MosquittoBroker.freePort();
        mutualTls12Port = MosquittoBroker.freePort();
        List<String> config = new ArrayList<>();
        config.addAll(pki.mosquittoTlsListener(tlsPort, pki.serverCert()));
        config.addAll(pki.mosquittoTlsListener(mutualPort, pki.serverCert()));
        config.add("require_certificate true");
        config.addAll(pki.mosquittoTlsListener(wrongHostPort, pki.wrongHostCert()));
        config.addAll(pki.mosquittoTlsListener(expiredPort, pki.expiredCert()));
        config.addAll(pki.mosquittoTlsListener(futurePort, pki.futureCert()));
        config.addAll(pki.mosquittoTlsListener(mutualTls12Port, pki.serverCert()));
        config.add("require_certificate true");
        config.add("tls_version tlsv1.2");
        mosquitto = MosquittoBroker.start(config.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    private static Profile.Tls caFileTrust(Path caFile) {
        return new Profile.Tls(Profile.TrustSource.CA_FILE, caFile.toString(), null, null,
                Profile.ClientIdentity.NONE, null, null, null, null, null, true, "TLSv1.2", List.of());
    }

    private static Profile profile(int port, Profile.Tls tls) {
        return Profile.create("tls", "127.0.0.1", port).toBuilder().transport(Profile.Transport.TLS).tls(tls)
                .connectTimeoutSeconds(5).build();
    }

    private static void roundTrip(Profile profile) throws Exception {
        RoundTrip.assertRoundTrip(profile, "tls/test", "over tls");
    }

    private static ConnectionFailure failureOf(Profile profile) throws Exception {
        try (MqttConnection connection = new MqttConnection(profile)) {
            RecordingListener listener = new RecordingListener();
            connection.addListener(listener);
            assertThatThrownBy(() -> connection.connect().get(10, SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionException.class);
            assertThat(connection.state()).isEqualTo(ConnectionState.FAILED);
            listener.awaitState(ConnectionState.FAILED);
            ConnectionFailure failure = listener.states.get(listener.states.size() - 1).failure();
            assertThat(failure).isNotNull();
            return failure;
        }
    }

    @Test
    void caFileTrustRoundTrips() throws Exception {
        roundTrip(profile(tlsPort, caFileTrust(pki.caCert())));
    }

    @Test
    void opensslTrustedCertificateWorksAsCaFile() throws Exception {
        roundTrip(profile(tlsPort, caFileTrust(pki.caTrustedCert())));
    }

    /** PKCS#12 and the older JKS format, both read as trust stores. */
    @ParameterizedTest
    @ValueSource(strings = {"PKCS12", "JKS"})
    void trustStoreRoundTrips(String type, @TempDir Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setCertificateEntry("ca", PemFiles.readCertificates(pki.caCert()).get(0));
        Path file = dir.resolve("trust." + type.toLowerCase(Locale.ROOT));
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "storepass".toCharArray());
        }
        Profile.Tls tls = new Profile.Tls(Profile.TrustSource.TRUST_STORE, null, file.toString(), "storepass",
                Profile.ClientIdentity.NONE, null, null, null, null, null, true, "TLSv1.2", List.of());
        roundTrip(profile(tlsPort, tls));
    }

    @Test
    void mutualTlsWithPemCertificateAndKey() throws Exception {
        Profile.Tls tls = new Profile.Tls(Profile.TrustSource.CA_FILE, pki.caCert().toString(), null, null,
                Profile.ClientIdentity.PEM, pki.clientCert().toString(), pki.clientKey().toString(), null, null,
                null, true, "TLSv1.2", List.of());
        roundTrip(profile(mutualPort, tls));
    }

    @Test
    void mutualTlsWithEncryptedRsaKey() throws Exception {
        Profile.Tls tls = new Profile.Tls(Profile.TrustSource.CA_FILE, pki.caCert().toString(), null, null,
                Profile.ClientIdentity.PEM, pki.file("client-rsa.pem").toString(),
                pki.file("client-rsa-encrypted.key").toString(), TestPki.PASSPHRASE, null, null, true, "TLSv1.2",
                List.of());
        roundTrip(profile(mutualPort, tls));
    }

    @Test
    void mutualTlsWithPkcs12KeyStore() throws Exception {
        Profile.Tls tls = new Profile.Tls(Profile.TrustSource.CA_FILE, pki.caCert().toString(), null, null,
                Profile.ClientIdentity.KEY_STORE, null, null, null, pki.file("client.p12").toString(),
                TestPki.PASSPHRASE, true, "TLSv1.3", List.of());
        roundTrip(profile(mutualPort, tls));
    }

    @Test
    void unknownCaIsReportedWithTheServerChain() throws Exception {
        ConnectionFailure failure = failureOf(profile(tlsPort, caFileTrust(pki.otherCaCert())));

        assertThat(failure.summary()).startsWith("untrusted certificate").contains("CN=Skeeter Test CA");
        assertThat(failure.serverChain()).isNotEmpty();
        CertificateSummary leaf = failure.serverChain().get(0);
        assertThat(leaf.subject()).isEqualTo("CN=localhost");
        assertThat(leaf.issuer()).isEqualTo("CN=Skeeter Test CA");
        assertThat(leaf.subjectAltNames()).containsExactly("DNS:localhost", "IP:127.0.0.1");
        assertThat(leaf.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void wrongHostNameIsReportedEvenThroughTheRecordingTrustManager() throws Exception {
        ConnectionFailure failure = failureOf(profile(wrongHostPort, caFileTrust(pki.caCert())));

        assertThat(failure.summary()).startsWith("wrong host name").contains("127.0.0.1")
                .contains("DNS:elsewhere.example");
        assertThat(failure.serverChain()).extracting(CertificateSummary::subject).first()
                .isEqualTo("CN=elsewhere.example");
    }

    @Test
    void wrongHostNameIsAcceptedOnlyWhenVerificationIsTurnedOff() throws Exception {
        Profile.Tls tls = caFileTrust(pki.caCert());
        Profile.Tls unverified = new Profile.Tls(tls.trust(), tls.caFile(), null, null, tls.identity(), null, null,
                null, null, null, false, tls.tlsVersion(), List.of());
        roundTrip(profile(wrongHostPort, unverified));
    }

    @Test
    void expiredCertificateIsReportedWithItsDate() throws Exception {
        ConnectionFailure failure = failureOf(profile(expiredPort, caFileTrust(pki.caCert())));

        assertThat(failure.summary()).startsWith("the server's certificate expired on 2021-01-01");
        assertThat(failure.serverChain().get(0).notAfter()).isEqualTo("2021-01-01T00:00:00Z");
    }

    @Test
    void missingClientCertificateIsReported() throws Exception {
        ConnectionFailure failure = failureOf(profile(mutualPort, caFileTrust(pki.caCert())));

        assertThat(failure.summary()).startsWith("client certificate required");
    }

    @Test
    void theFourTlsFailuresSayDifferentThings() throws Exception {
        List<String> summaries = List.of(
                failureOf(profile(tlsPort, caFileTrust(pki.otherCaCert()))).summary(),
                failureOf(profile(wrongHostPort, caFileTrust(pki.caCert()))).summary(),
                failureOf(profile(expiredPort, caFileTrust(pki.caCert()))).summary(),
                failureOf(profile(mutualPort, caFileTrust(pki.caCert()))).summary());
        assertThat(summaries).doesNotHaveDuplicates();
        assertThat(summaries).noneMatch(s -> s.startsWith("TLS failed"));
    }

    @Test
    void unreadableCaFileFailsBeforeDialling() throws Exception {
        ConnectionFailure failure = failureOf(profile(tlsPort, caFileTrust(Path.of("/nonexistent/ca.pem"))));
        assertThat(failure.summary()).contains("/nonexistent/ca.pem").contains("no such file");
    }

    @Test
    void hostNameMatchesTheCertificatesDnsName() throws Exception {
        roundTrip(profile(tlsPort, caFileTrust(pki.caCert())).toBuilder().host("localhost").build());
    }

    @Test
    void certificateNotYetValidPointsAtTheClock() throws Exception {
        ConnectionFailure failure = failureOf(profile(futurePort, caFileTrust(pki.caCert())));
        assertThat(failure.summary()).startsWith("the server's certificate is not valid before 2099-01-01")
                .contains("clock");
    }

    @Test
    void clientCertificateTheServerDoesNotTrustIsReported() throws Exception {
        Profile.Tls tls = new Profile.Tls(Profile.TrustSource.CA_FILE, pki.caCert().toString(), null, null,
                Profile.ClientIdentity.PEM, pki.clientCertFromOtherCa().toString(), pki.clientKey().toString(), null,
                null, null, true, "TLSv1.2", List.of());
        ConnectionFailure failure = failureOf(profile(mutualPort, tls));
        assertThat(failure.summary()).startsWith("the server refused our client certificate");
    }

    @Test
    void missingClientCertificateIsReportedUnderTls12Too() throws Exception {
        ConnectionFailure failure = failureOf(profile(mutualTls12Port, caFileTrust(pki.caCert())));
        assertThat(failure.summary()).startsWith("client certificate required");
    }
}
