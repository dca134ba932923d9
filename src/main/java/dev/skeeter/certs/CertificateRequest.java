package dev.skeeter.certs;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * What to create: a CA, a server or a client certificate, with its subject, names, validity and key type.
 * Immutable; start from {@link #ca}, {@link #server} or {@link #client} and adjust with the {@code with} methods.
 *
 * @param subject         the distinguished name in RFC 2253 form, e.g. {@code CN=localhost,O=Acme}
 * @param subjectAltNames {@code DNS:name} / {@code IP:address} entries (server certificates)
 */
public record CertificateRequest(Kind kind, String subject, List<String> subjectAltNames, int validityDays,
                                 KeyType keyType) {
    /** Apple's clients reject TLS server certificates valid for longer; we use it for servers and clients alike. */
    public static final int LEAF_DEFAULT_DAYS = 825;
    public static final int CA_DEFAULT_DAYS = 3650;

    public enum Kind { CA, SERVER, CLIENT }

    public CertificateRequest {
        Objects.requireNonNull(kind, "kind");
        subject = Subjects.normalize(subject);
        subjectAltNames = subjectAltNames == null ? List.of() : SubjectAltNames.normalize(subjectAltNames);
        if (validityDays < 1 || validityDays > 36_500) {
            throw new IllegalArgumentException("validity must be between 1 and 36500 days, not " + validityDays);
        }
        keyType = keyType == null ? KeyType.DEFAULT : keyType;
    }

    /** A CA named "Skeeter CA" and today's date, so two CAs made on different days are told apart. */
    public static CertificateRequest ca() {
        return ca("Skeeter CA " + LocalDate.now());
    }

    public static CertificateRequest ca(String subject) {
        return new CertificateRequest(Kind.CA, subject, List.of(), CA_DEFAULT_DAYS, KeyType.DEFAULT);
    }

    /** CN=localhost for localhost, 127.0.0.1, ::1 and this host's name, valid 825 days. */
    public static CertificateRequest server() {
        return new CertificateRequest(Kind.SERVER, "localhost", SubjectAltNames.localDefaults(), LEAF_DEFAULT_DAYS,
                KeyType.DEFAULT);
    }

    public static CertificateRequest client(String commonName) {
        return new CertificateRequest(Kind.CLIENT, commonName, List.of(), LEAF_DEFAULT_DAYS, KeyType.DEFAULT);
    }

    public CertificateRequest withSubject(String value) {
        return new CertificateRequest(kind, value, subjectAltNames, validityDays, keyType);
    }

    public CertificateRequest withSubjectAltNames(List<String> value) {
        return new CertificateRequest(kind, subject, value, validityDays, keyType);
    }

    public CertificateRequest withValidityDays(int value) {
        return new CertificateRequest(kind, subject, subjectAltNames, value, keyType);
    }

    public CertificateRequest withKeyType(KeyType value) {
        return new CertificateRequest(kind, subject, subjectAltNames, validityDays, value);
    }

    /** The subject's common name, or the whole subject when it has none. */
    public String commonName() {
        return Subjects.commonName(new X500Principal(subject));
    }

    /** A warning worth showing, or null: server certificates valid longer than Apple's limit. */
    public String validityWarning() {
        return kind == Kind.SERVER && validityDays > LEAF_DEFAULT_DAYS
                ? "Apple devices reject server certificates valid for more than " + LEAF_DEFAULT_DAYS + " days"
                : null;
    }
}
