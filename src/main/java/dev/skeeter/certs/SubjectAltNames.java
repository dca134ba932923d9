package dev.skeeter.certs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * Subject alternative names as people write them: {@code DNS:broker.lan}, {@code IP:10.0.0.5}, or bare
 * ({@code broker.lan}, {@code 10.0.0.5}, {@code ::1}), a bare IP literal being an address. Stateless.
 */
public final class SubjectAltNames {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern DNS = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*\\.?");

    private SubjectAltNames() {
    }

    /**
     * What a server certificate for this computer needs: localhost, 127.0.0.1, ::1 and this host's name, so that
     * clients on this machine can use any of them with hostname verification on.
     */
    public static List<String> localDefaults() {
        Set<String> names = new LinkedHashSet<>(List.of("DNS:localhost", "IP:127.0.0.1", "IP:::1"));
        String host = hostName();
        if (host != null && !host.isBlank() && !host.equalsIgnoreCase("localhost") && DNS.matcher(host).matches()) {
            names.add("DNS:" + host);
        }
        return List.copyOf(names);
    }

    /** This computer's name, or null when it has none that is usable. */
    public static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || isIpLiteral(name) ? null : name;
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? null : env.trim();
        }
    }

    /** Each entry in canonical form ({@code DNS:x} or {@code IP:x}); throws naming the first bad entry. */
    public static List<String> normalize(List<String> entries) {
        Set<String> result = new LinkedHashSet<>();
        for (String entry : entries) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            result.add(normalize(e));
        }
        return List.copyOf(result);
    }

    /** Splits a comma or space separated list, as typed in one field. */
    public static List<String> split(String text) {
        List<String> entries = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                entries.add(part.trim());
            }
        }
        return entries;
    }

    static String normalize(String entry) {
        String lower = entry.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dns:")) {
            return dns(entry.substring(4).trim(), entry);
        }
        if (lower.startsWith("ip:")) {
            return ip(entry.substring(3).trim(), entry);
        }
        return isIpLiteral(entry) ? ip(entry, entry) : dns(entry, entry);
    }

    static GeneralNames toGeneralNames(List<String> entries) {
        GeneralName[] names = normalize(entries).stream().map(e -> e.startsWith("IP:")
                ? new GeneralName(GeneralName.iPAddress, e.substring(3))
                : new GeneralName(GeneralName.dNSName, e.substring(4))).toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    private static boolean isIpLiteral(String s) {
        return IPV4.matcher(s).matches() || s.contains(":");
    }

    private static String dns(String name, String entry) {
        if (!DNS.matcher(name).matches() || name.length() > 253) {
            throw new IllegalArgumentException("'" + entry + "' is not a host name (write DNS:name or IP:address)");
        }
        return "DNS:" + name.toLowerCase(Locale.ROOT);
    }

    private static String ip(String address, String entry) {
        boolean v4 = IPV4.matcher(address).matches();
        if (!v4 && !(address.contains(":") && address.matches("[0-9A-Fa-f:.]+"))) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address");
        }
        try {
            // a literal: no lookup happens
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (v4 && bytes.length != 4) {
                throw new UnknownHostException(address);
            }
            return "IP:" + InetAddress.getByAddress(bytes).getHostAddress()
                    .replaceFirst("(^|:)0(:0)+(:|$)", "::");
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address");
        }
    }
}
