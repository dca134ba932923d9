package dev.skeeter.certs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@link CertificateInspector} found in a file.
 *
 * @param format       e.g. "PEM", "DER", "PKCS#12"
 * @param certificates in file order (leaf first in a chain)
 * @param key          the private key's description ("EC (256 bits)", "encrypted private key"), or null for none
 * @param keyMatches   whether the key belongs to the first certificate; null when there is not both
 * @param chain        whether the certificates chain to the given CA; null when no CA was given
 * @param notes        what could not be checked and why (e.g. a key that needs its passphrase)
 */
public record Inspection(Path file, String format, List<CertificateSummary> certificates, String key,
                         Boolean keyMatches, ChainCheck chain, List<String> notes) {
    public Inspection {
        certificates = List.copyOf(certificates);
        notes = List.copyOf(notes);
    }

    /** Whether the certificates lead to a trusted CA, and if not why. */
    public record ChainCheck(boolean valid, String caFile, String detail) {
    }

    /** True when any certificate is expired, not yet valid, or expires within {@link CertificateSummary#SOON}. */
    public boolean needsAttention(Instant now) {
        return certificates.stream().anyMatch(c -> c.isExpiredAt(now) || c.isNotYetValidAt(now)
                || c.expiresSoonAfter(now)) || Boolean.FALSE.equals(keyMatches)
                || (chain != null && !chain.valid());
    }

    /** The report {@code skeeter cert inspect} prints and the app shows. */
    public String toText(Instant now) {
        StringBuilder out = new StringBuilder();
        out.append(file).append(" (").append(format).append(")\n");
        for (int i = 0; i < certificates.size(); i++) {
            CertificateSummary c = certificates.get(i);
            out.append('\n');
            if (certificates.size() > 1) {
                out.append("Certificate ").append(i + 1).append(" of ").append(certificates.size()).append('\n');
            }
            line(out, "Subject", c.subject());
            line(out, "Issuer", c.issuer() + (c.isSelfIssued() ? " (self-signed)" : ""));
            line(out, "Type", c.ca() ? "CA certificate" : usage(c));
            if (!c.subjectAltNames().isEmpty()) {
                line(out, "Names (SAN)", String.join(", ", c.subjectAltNames()));
            }
            line(out, "Key", c.publicKey());
            line(out, "Valid from", c.notBefore().toString());
            line(out, "Valid until", c.notAfter().toString());
            line(out, "Status", c.validityAt(now));
            line(out, "SHA-256", c.sha256Fingerprint());
            line(out, "SHA-1", c.sha1Fingerprint());
        }
        if (key != null) {
            out.append('\n');
            line(out, "Private key", key);
        }
        if (keyMatches != null) {
            line(out, "Key matches", keyMatches ? "yes, the private key belongs to the certificate"
                    : "NO: the private key does not belong to the certificate");
        }
        if (chain != null) {
            line(out, "Chains to CA", (chain.valid() ? "yes (" : "NO (") + chain.caFile() + ")"
                    + (chain.detail() == null ? "" : ": " + chain.detail()));
        }
        for (String note : notes) {
            line(out, "Note", note);
        }
        return out.toString();
    }

    private static String usage(CertificateSummary c) {
        if (c.extendedKeyUsage().isEmpty()) {
            return "end-entity certificate";
        }
        List<String> uses = c.extendedKeyUsage().stream().map(u -> switch (u) {
            case "serverAuth" -> "TLS server";
            case "clientAuth" -> "TLS client";
            default -> u;
        }).toList();
        return String.join(" and ", uses) + " certificate";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-13s %s", label + ":", value)).append('\n');
    }
}
