package dev.skeeter.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What a person needs to judge a certificate: who it names, who signed it, when it is valid, which names it
 * covers ("DNS:localhost", "IP:127.0.0.1") and its SHA-256 fingerprint (colon-separated upper-case hex).
 */
public record CertificateSummary(String subject, String issuer, Instant notBefore, Instant notAfter,
                                 List<String> subjectAltNames, String sha256Fingerprint) {
    public CertificateSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    }

    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                subjectAltNames(certificate),
                fingerprint(certificate));
    }

    public static List<CertificateSummary> of(List<X509Certificate> chain) {
        return chain.stream().map(CertificateSummary::of).toList();
    }

    public boolean isExpiredAt(Instant when) {
        return when.isAfter(notAfter);
    }

    public boolean isNotYetValidAt(Instant when) {
        return when.isBefore(notBefore);
    }

    public boolean isSelfIssued() {
        return subject.equals(issuer);
    }

    private static List<String> subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (List<?> entry : names) {
                int type = (Integer) entry.get(0);
                Object value = entry.get(1);
                String prefix = switch (type) {
                    case 1 -> "email";
                    case 2 -> "DNS";
                    case 6 -> "URI";
                    case 7 -> "IP";
                    default -> "other(" + type + ")";
                };
                result.add(prefix + ":" + (value instanceof String s ? s : "(binary)"));
            }
            return result;
        } catch (CertificateParsingException e) {
            return List.of("(unreadable: " + e.getMessage() + ")");
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
