package dev.skeeter.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateIssuerTest {
    private static IssuedCertificate ca;

    @BeforeAll
    static void ca() {
        ca = CertificateIssuer.createCa(CertificateRequest.ca("My Test CA"));
    }

    @Test
    void caIsSelfSignedWithCaExtensions() throws Exception {
        X509Certificate c = ca.certificate();
        c.verify(c.getPublicKey());
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=My Test CA");
        assertThat(c.getBasicConstraints()).isZero();
        assertThat(c.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(c.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(c.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
        assertThat(days(c)).isEqualTo(CertificateRequest.CA_DEFAULT_DAYS);
    }

    @Test
    void serverDefaultsCoverThisMachineForAtMost825Days() throws Exception {
        IssuedCertificate server = CertificateIssuer.issue(ca, CertificateRequest.server());
        X509Certificate c = server.certificate();
        c.verify(ca.certificate().getPublicKey());
        CertificateSummary summary = CertificateSummary.of(c);
        assertThat(summary.subject()).isEqualTo("CN=localhost");
        assertThat(summary.issuer()).isEqualTo("CN=My Test CA");
        assertThat(summary.subjectAltNames()).contains("DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
        assertThat(summary.extendedKeyUsage()).containsExactly("serverAuth");
        assertThat(summary.ca()).isFalse();
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
        assertThat(days(c)).isEqualTo(825);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void clientCertificateIsForClientAuthentication() throws Exception {
        IssuedCertificate client = CertificateIssuer.issue(ca, CertificateRequest.client("alice"));
        client.certificate().verify(ca.certificate().getPublicKey());
        CertificateSummary summary = CertificateSummary.of(client.certificate());
        assertThat(summary.subject()).isEqualTo("CN=alice");
        assertThat(summary.extendedKeyUsage()).containsExactly("clientAuth");
        assertThat(summary.subjectAltNames()).isEmpty();
        assertThat(Keys.matches(client.certificate().getPublicKey(), client.privateKey())).isTrue();
        assertThat(Keys.matches(client.certificate().getPublicKey(), ca.privateKey())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyKeyTypeMakesAWorkingCaAndLeaf(KeyType type) throws Exception {
        IssuedCertificate typedCa = CertificateIssuer.createCa(CertificateRequest.ca("CA " + type).withKeyType(type));
        // one RSA 4096 key is enough to prove the type (each can take seconds on a busy machine)
        KeyType leafType = type == KeyType.RSA_4096 ? KeyType.RSA_2048 : type;
        IssuedCertificate leaf = CertificateIssuer.issue(typedCa, CertificateRequest.client("c").withKeyType(leafType));
        leaf.certificate().verify(typedCa.certificate().getPublicKey());
        assertThat(Keys.describe(typedCa.certificate().getPublicKey()))
                .startsWith(type.isRsa() ? "RSA " + type.label().substring(4) : "EC " + type.label().substring(3));
        if (type.isRsa()) {
            assertThat(leaf.certificate().getKeyUsage()[2]).as("keyEncipherment for RSA").isTrue();
        }
        if (type == KeyType.EC_P384) {
            assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA384withECDSA");
        }
    }

    @Test
    void subjectAcceptsRfc2253AndOpensslForms() {
        assertThat(CertificateRequest.ca("/C=DE/O=Acme/CN=Acme CA").subject()).isEqualTo("CN=Acme CA,O=Acme,C=DE");
        assertThat(CertificateRequest.ca("CN=Acme CA, O=Acme").subject()).isEqualTo("CN=Acme CA,O=Acme");
        assertThat(CertificateRequest.ca("Smith, Jones & Co").subject()).isEqualTo("CN=Smith\\, Jones & Co");
        IssuedCertificate acme = CertificateIssuer.createCa(CertificateRequest.ca("/C=DE/O=Acme/CN=Acme CA"));
        // as openssl prints it: the most significant part first in the encoding
        assertThat(acme.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=Acme CA,O=Acme,C=DE");
        assertThatThrownBy(() -> CertificateRequest.ca(" ")).hasMessageContaining("empty");
    }

    @Test
    void subjectAltNamesAreNormalisedAndChecked() {
        assertThat(SubjectAltNames.normalize(List.of("Broker.LAN", "10.0.0.5", "::1", "DNS:a.example",
                "IP:fe80:0:0:0:0:0:0:1", "*.example.org")))
                .containsExactly("DNS:broker.lan", "IP:10.0.0.5", "IP:::1", "DNS:a.example", "IP:fe80::1",
                        "DNS:*.example.org");
        assertThat(SubjectAltNames.split("localhost, 127.0.0.1  ::1")).containsExactly("localhost", "127.0.0.1",
                "::1");
        assertThatThrownBy(() -> SubjectAltNames.normalize(List.of("bad name"))).hasMessageContaining("bad name");
        assertThatThrownBy(() -> SubjectAltNames.normalize(List.of("IP:999.1.1.1")))
                .hasMessageContaining("not an IP address");
        assertThat(SubjectAltNames.localDefaults()).startsWith("DNS:localhost", "IP:127.0.0.1", "IP:::1");
    }

    @Test
    void refusesToIssueFromALeafAndWarnsAboutLongServerValidity() {
        IssuedCertificate leaf = CertificateIssuer.issue(ca, CertificateRequest.client("x"));
        assertThatThrownBy(() -> CertificateIssuer.issue(leaf, CertificateRequest.client("y")))
                .hasMessageContaining("not a CA certificate");
        assertThat(CertificateRequest.server().validityWarning()).isNull();
        assertThat(CertificateRequest.server().withValidityDays(3650).validityWarning()).contains("Apple");
        assertThatThrownBy(() -> CertificateRequest.server().withValidityDays(0)).hasMessageContaining("validity");
    }

    @Test
    void keyTypesParseFromFriendlySpellings() {
        assertThat(KeyType.parse("rsa4096")).isEqualTo(KeyType.RSA_4096);
        assertThat(KeyType.parse("RSA-3072")).isEqualTo(KeyType.RSA_3072);
        assertThat(KeyType.parse("p384")).isEqualTo(KeyType.EC_P384);
        assertThat(KeyType.parse("EC P-256")).isEqualTo(KeyType.EC_P256);
        assertThatThrownBy(() -> KeyType.parse("dsa")).hasMessageContaining("rsa2048, rsa3072");
    }

    private static long days(X509Certificate c) {
        return Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays();
    }
}
