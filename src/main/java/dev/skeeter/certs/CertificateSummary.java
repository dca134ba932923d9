package dev.skeeter.certs;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What a person needs to judge a certificate: who it names, who signed it, when it is valid, which names it
 * covers ("DNS:localhost", "IP:127.0.0.1"), its key ("EC P-256 (256 bits)"), whether it is a CA, what it may be
 * used for ("serverAuth", "clientAuth") and its SHA-256 and SHA-1 fingerprints (colon-separated upper-case hex).
 */
public record CertificateSummary(String subject, String issuer, Instant notBefore, Instant notAfter,
                                 List<String> subjectAltNames, String sha256Fingerprint, String sha1Fingerprint,
                                 String publicKey, boolean ca, List<String> extendedKeyUsage) {
    /** Certificates that expire sooner than this are flagged. */
    public static final Duration SOON = Duration.ofDays(30);

    public CertificateSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
        extendedKeyUsage = extendedKeyUsage == null ? List.of() : List.copyOf(extendedKeyUsage);
    }

    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(
                certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                subjectAltNames(certificate),
                fingerprint(certificate, "SHA-256"),
                fingerprint(certificate, "SHA-1"),
                Keys.describe(certificate.getPublicKey()),
                certificate.getBasicConstraints() >= 0,
                extendedKeyUsage(certificate));
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

    /** Valid now but expiring within {@link #SOON}. */
    public boolean expiresSoonAfter(Instant when) {
        return !isExpiredAt(when) && Duration.between(when, notAfter).compareTo(SOON) < 0;
    }

    public boolean isSelfIssued() {
        return subject.equals(issuer);
    }

    /** E.g. "valid, expires in 824 days", "EXPIRED 3 days ago", "expires in 5 hours", "not valid until …". */
    public String validityAt(Instant when) {
        if (isNotYetValidAt(when)) {
            return "NOT YET VALID: valid from " + notBefore + " (in " + span(Duration.between(when, notBefore)) + ")";
        }
        if (isExpiredAt(when)) {
            return "EXPIRED " + span(Duration.between(notAfter, when)) + " ago";
        }
        String left = "expires in " + span(Duration.between(when, notAfter));
        return expiresSoonAfter(when) ? "EXPIRES SOON: " + left : "valid, " + left;
    }

    static String span(Duration duration) {
        long days = duration.toDays();
        if (days >= 2) {
            return days + " days";
        }
        long hours = duration.toHours();
        if (hours >= 2) {
            return hours + " hours";
        }
        return Math.max(1, duration.toMinutes()) + " minutes";
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            List<String> oids = certificate.getExtendedKeyUsage();
            if (oids == null) {
                return List.of();
            }
            return oids.stream().map(oid -> switch (oid) {
                case "1.3.6.1.5.5.7.3.1" -> "serverAuth";
                case "1.3.6.1.5.5.7.3.2" -> "clientAuth";
                case "1.3.6.1.5.5.7.3.3" -> "codeSigning";
                case "1.3.6.1.5.5.7.3.4" -> "emailProtection";
                case "2.5.29.37.0" -> "any";
                default -> oid;
            }).toList();
        } catch (CertificateParsingException e) {
            return List.of("(unreadable)");
        }
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

    private static String fingerprint(X509Certificate certificate, String digest) {
        try {
            byte[] hash = MessageDigest.getInstance(digest).digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(hash);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }
}
