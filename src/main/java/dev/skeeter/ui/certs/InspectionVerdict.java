package dev.skeeter.ui.certs;

import dev.skeeter.certs.CertificateSummary;
import dev.skeeter.certs.Inspection;
import java.time.Instant;

/**
 * The one line Inspect certificate puts above the report: the worst thing about the file first (expired, not yet
 * valid, the wrong key, not from the CA), then "expires soon", else that it is valid. Stateless.
 */
public record InspectionVerdict(Level level, String text) {
    public enum Level { OK, WARN, ERROR }

    public static InspectionVerdict of(Inspection inspection, Instant now) {
        for (CertificateSummary c : inspection.certificates()) {
            if (c.isExpiredAt(now)) {
                return new InspectionVerdict(Level.ERROR, "Expired: " + c.subject() + " (" + c.validityAt(now)
                        + ")");
            }
            if (c.isNotYetValidAt(now)) {
                return new InspectionVerdict(Level.ERROR, "Not valid yet: " + c.subject());
            }
        }
        if (Boolean.FALSE.equals(inspection.keyMatches())) {
            return new InspectionVerdict(Level.ERROR, "The private key does not belong to the certificate");
        }
        if (inspection.chain() != null && !inspection.chain().valid()) {
            return new InspectionVerdict(Level.ERROR, "Not signed by the CA in " + inspection.chain().caFile()
                    + (inspection.chain().detail() == null ? "" : ": " + inspection.chain().detail()));
        }
        for (CertificateSummary c : inspection.certificates()) {
            if (c.expiresSoonAfter(now)) {
                return new InspectionVerdict(Level.WARN, "Expires soon: " + c.subject() + " " + c.validityAt(now)
                        .replaceFirst("^EXPIRES SOON: ", ""));
            }
        }
        if (inspection.certificates().isEmpty()) {
            return new InspectionVerdict(inspection.notes().isEmpty() ? Level.OK : Level.WARN,
                    inspection.notes().isEmpty() ? "A private key: " + inspection.key()
                            : "Locked: " + inspection.notes().get(0));
        }
        CertificateSummary first = inspection.certificates().get(0);
        String extra = inspection.chain() != null ? ", signed by the CA" : "";
        return new InspectionVerdict(inspection.notes().isEmpty() ? Level.OK : Level.WARN,
                "Valid: " + first.subject() + ", " + first.validityAt(now).replaceFirst("^valid, ", "") + extra
                        + (inspection.notes().isEmpty() ? "" : " (" + inspection.notes().get(0) + ")"));
    }
}
