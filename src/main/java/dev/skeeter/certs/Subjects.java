package dev.skeeter.certs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/** Distinguished names as people type them: a bare name (the CN), RFC 2253 ({@code CN=a,O=b}) or openssl's
 * {@code /O=b/CN=a}. Stateless. */
final class Subjects {
    private Subjects() {
    }

    /** The RFC 2253 form; throws IllegalArgumentException with the reason when the text is not a name. */
    static String normalize(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the subject (common name) is empty");
        }
        String s = text.trim();
        try {
            if (s.startsWith("/")) {
                List<String> parts = new ArrayList<>(List.of(s.substring(1).split("(?<!\\\\)/")));
                Collections.reverse(parts); // openssl writes the most significant part first
                s = String.join(",", parts);
            } else if (!s.matches("(?s)^[A-Za-z][A-Za-z0-9.]*\\s*=.*")) {
                s = "CN=" + Rdn.escapeValue(s);
            }
            return new X500Principal(s).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid subject (write a name, or e.g. "
                    + "CN=My CA,O=Acme): " + e.getMessage());
        }
    }

    static String commonName(X500Principal principal) {
        String name = principal.getName(X500Principal.RFC2253);
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return name;
        }
        return name;
    }
}
