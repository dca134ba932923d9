package dev.skeeter.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates CAs and the server and client certificates they sign, with the extensions TLS stacks check: basic
 * constraints, key usage, extended key usage (serverAuth / clientAuth), subject and authority key identifiers, and
 * subject alternative names for servers. Stateless and thread-safe; key generation can take seconds (RSA 4096), so
 * callers in the app run it off the FX thread.
 */
public final class CertificateIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Back-dates validity so a peer whose clock is slightly behind does not see "not yet valid". */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private CertificateIssuer() {
    }

    /** A new self-signed CA with a fresh key. */
    public static IssuedCertificate createCa(CertificateRequest request) {
        require(request, CertificateRequest.Kind.CA);
        KeyPair keys = request.keyType().generate();
        X509Certificate certificate = build(request, keys.getPublic(), null, keys.getPrivate(), request.keyType());
        return new IssuedCertificate(certificate, keys.getPrivate(), certificate);
    }

    /** A server or client certificate with a fresh key, signed by {@code ca}. */
    public static IssuedCertificate issue(IssuedCertificate ca, CertificateRequest request) {
        if (request.kind() == CertificateRequest.Kind.CA) {
            throw new IllegalArgumentException("use createCa for a CA");
        }
        if (!ca.isCa()) {
            throw new IllegalArgumentException(ca.certificate().getSubjectX500Principal().getName()
                    + " is not a CA certificate (it lacks basicConstraints CA:TRUE)");
        }
        KeyPair keys = request.keyType().generate();
        X509Certificate certificate = build(request, keys.getPublic(), ca.certificate(), ca.privateKey(),
                signerKeyType(ca.certificate().getPublicKey()));
        return new IssuedCertificate(certificate, keys.getPrivate(), ca.certificate());
    }

    private static X509Certificate build(CertificateRequest request, PublicKey publicKey, X509Certificate issuer,
                                         PrivateKey signingKey, KeyType signerType) {
        try {
            Instant now = Instant.now();
            // through the JDK's parser: RFC 2253 lists the most specific part first, the encoding the reverse
            X500Name subject = X500Name.getInstance(new X500Principal(request.subject()).getEncoded());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial(),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(Duration.ofDays(request.validityDays()))),
                    subject, publicKey);
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuer == null
                    ? utils.createAuthorityKeyIdentifier(publicKey)
                    : utils.createAuthorityKeyIdentifier(issuer));
            switch (request.kind()) {
                case CA -> {
                    // pathLen 0: this CA signs end-entity certificates only
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
                }
                case SERVER, CLIENT -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    // RSA key exchange (TLS 1.2 without ECDHE) encrypts with the certificate's key
                    int usage = KeyUsage.digitalSignature | (request.keyType().isRsa() ? KeyUsage.keyEncipherment : 0);
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            request.kind() == CertificateRequest.Kind.SERVER ? KeyPurposeId.id_kp_serverAuth
                                    : KeyPurposeId.id_kp_clientAuth));
                }
                default -> throw new IllegalStateException(request.kind().toString());
            }
            if (!request.subjectAltNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        SubjectAltNames.toGeneralNames(request.subjectAltNames()));
            }
            var signer = new JcaContentSignerBuilder(signerType.signatureAlgorithm()).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot create the certificate: " + e.getMessage(), e);
        }
    }

    /** The signature algorithm follows the signer's key: SHA-384 for a P-384 CA, SHA-256 otherwise. */
    private static KeyType signerKeyType(PublicKey caKey) {
        if (caKey instanceof java.security.interfaces.ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? KeyType.EC_P384 : KeyType.EC_P256;
        }
        if (caKey instanceof java.security.interfaces.RSAPublicKey) {
            return KeyType.RSA_2048;
        }
        throw new IllegalArgumentException("unsupported CA key type " + caKey.getAlgorithm() + " (use RSA or EC)");
    }

    /** Positive and at most 20 octets, as RFC 5280 4.1.2.2 requires. */
    private static BigInteger serial() {
        return new BigInteger(159, RANDOM).add(BigInteger.ONE);
    }

    private static void require(CertificateRequest request, CertificateRequest.Kind kind) {
        if (request.kind() != kind) {
            throw new IllegalArgumentException("expected a " + kind + " request, got " + request.kind());
        }
    }
}
