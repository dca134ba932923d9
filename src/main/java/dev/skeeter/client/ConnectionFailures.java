package dev.skeeter.client;

import dev.skeeter.certs.CertificateSummary;
import dev.skeeter.certs.TlsContext;
import dev.skeeter.profiles.Profile;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** Turns what Paho and the JDK throw into a {@link ConnectionFailure} a person can act on. Stateless. */
final class ConnectionFailures {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static final String CLOSED_BY_BROKER = "the broker closed the connection (another client may have connected "
            + "with the same client id, or the broker stopped)";

    private ConnectionFailures() {
    }

    /** The profile could not even be turned into a connection attempt (unreadable file, bad setting). */
    static ConnectionFailure ofSetup(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return new ConnectionFailure("cannot prepare the connection: " + message, chain(e), List.of());
    }

    /** No CONNACK within the profile's connect timeout. */
    static ConnectionFailure timeout(Profile profile, Transports.Prepared prepared) {
        ConnectionFailure described = describe(new SocketTimeoutException("connect timed out"), profile, prepared);
        return new ConnectionFailure(timeoutSummary(profile), described.detail(), described.serverChain());
    }

    private static String timeoutSummary(Profile profile) {
        return "timed out: " + profile.host() + ":" + profile.port() + " did not answer within "
                + profile.connectTimeoutSeconds() + " s";
    }

    /** An established connection broke. */
    static ConnectionFailure lost(Throwable cause, Profile profile, Transports.Prepared prepared) {
        if (cause == null) {
            return new ConnectionFailure("the connection was lost", "", List.of());
        }
        // the handshake succeeded once: no TLS or connect-time explanation applies to a broken connection
        String detail = chain(cause);
        boolean closedByPeer = find(cause, EOFException.class) != null
                || cause instanceof MqttException me && me.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                && me.getCause() == null;
        if (closedByPeer) {
            return new ConnectionFailure(CLOSED_BY_BROKER, detail, List.of());
        }
        if (cause instanceof MqttException me && me.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
            return new ConnectionFailure("the broker stopped answering (no reply to keepalive pings)", detail,
                    List.of());
        }
        SocketException broken = find(cause, SocketException.class);
        if (broken != null) {
            return new ConnectionFailure("the connection broke: " + broken.getMessage(), detail, List.of());
        }
        return describe(cause, profile, prepared);
    }

    static ConnectionFailure describe(Throwable error, Profile profile, Transports.Prepared prepared) {
        TlsContext tls = prepared == null ? null : prepared.tls();
        List<CertificateSummary> serverChain = tls == null ? List.of()
                : CertificateSummary.of(tls.recorder().serverChain());
        return new ConnectionFailure(summary(error, profile, tls), chain(error), serverChain);
    }

    /** A short reason for the log, e.g. for a failed subscribe. */
    static String brief(Throwable error) {
        if (error instanceof MqttException me) {
            return me.getMessage() + " (" + me.getReasonCode() + ")";
        }
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    private static String summary(Throwable error, Profile profile, TlsContext tls) {
        String address = profile.host() + ":" + profile.port();
        if (error instanceof MqttException me) {
            // CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3), which Paho reports as reason codes 1-5
            switch (me.getReasonCode()) {
                case 1:
                    return "unacceptable protocol version: the broker does not accept MQTT "
                            + profile.mqttVersion().label() + " (try the other version)";
                case 2:
                    return "identifier rejected: the broker does not accept the client id (try another, or "
                            + "a clean session)";
                case 3:
                    return "server unavailable: the broker is running but does not accept connections now";
                case 4:
                    return "bad user name or password";
                case 5:
                    return "not authorised: the broker refused this client"
                            + (profile.credentials().hasUsername()
                            ? " (check the user name and password)" : " (it may want a user name and password)");
                default:
                    break;
            }
        }
        SocksException socks = find(error, SocksException.class);
        if (socks != null) {
            return socks.getMessage();
        }
        String tlsProblem = tls == null ? null : tlsSummary(error, profile, tls);
        if (tlsProblem != null) {
            return tlsProblem;
        }
        if (find(error, UnknownHostException.class) != null) {
            return "unknown host: " + profile.host() + " cannot be resolved (check the host name)";
        }
        if (find(error, ConnectException.class) != null) {
            return "connection refused: nothing listens on " + address;
        }
        if (find(error, NoRouteToHostException.class) != null) {
            return "no route to host " + profile.host() + " (network down or firewall)";
        }
        if (find(error, SocketTimeoutException.class) != null
                || error instanceof MqttException me
                        && me.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
            return timeoutSummary(profile);
        }
        if (find(error, EOFException.class) != null) {
            return "the broker closed the connection before answering (is " + address + " an MQTT "
                    + (profile.transport().isSecure() ? "TLS " : "") + "port?)";
        }
        SSLException ssl = find(error, SSLException.class);
        if (ssl != null) {
            return "TLS failed: " + ssl.getMessage();
        }
        Throwable root = root(error);
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** Which TLS check failed, or null when the error is not about TLS. */
    private static String tlsSummary(Throwable error, Profile profile, TlsContext tls) {
        CertificateException refused = tls.recorder().failure();
        List<X509Certificate> chain = tls.recorder().serverChain();
        if (refused != null && !chain.isEmpty()) {
            X509Certificate leaf = chain.get(0);
            if (find(refused, CertificateExpiredException.class) != null) {
                return "the server's certificate expired on " + DAY.format(leaf.getNotAfter().toInstant())
                        + " (certificate \"" + leaf.getSubjectX500Principal().getName() + "\")";
            }
            if (find(refused, CertificateNotYetValidException.class) != null) {
                return "the server's certificate is not valid before " + DAY.format(leaf.getNotBefore().toInstant())
                        + " (check this computer's clock)";
            }
            String message = String.valueOf(refused.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no subject alternative") || message.contains("no name matching")) {
                return "wrong host name: the server's certificate is not for " + profile.host() + " (it names "
                        + names(leaf) + "); connect by one of those names, or turn off hostname verification";
            }
            return "untrusted certificate: the server's certificate was issued by \""
                    + chain.get(chain.size() - 1).getIssuerX500Principal().getName()
                    + "\", which is not a trusted CA (choose its CA file, or the chain is incomplete)";
        }
        SSLException ssl = find(error, SSLException.class);
        String alert = ssl == null ? "" : String.valueOf(ssl.getMessage()).toLowerCase(Locale.ROOT);
        boolean handshakeSeen = !chain.isEmpty();
        if (alert.contains("certificate_required")
                || !tls.hasClientIdentity()
                        && (alert.contains("bad_certificate") || alert.contains("handshake_failure"))) {
            return "client certificate required: the server wants a client certificate; choose one in the "
                    + "profile's TLS settings";
        }
        boolean closedAfterHandshake = handshakeSeen && refused == null && (find(error, EOFException.class) != null
                || find(error, SocketException.class) != null || isLostWithoutCause(error));
        if (!tls.hasClientIdentity() && closedAfterHandshake) {
            // TLS 1.2 servers often just close: no alert says why, but this is what a missing client certificate
            // looks like from our side
            return "client certificate required? the server closed the connection right after the TLS handshake, "
                    + "as servers do that want a client certificate; choose one in the profile's TLS settings";
        }
        if (tls.hasClientIdentity() && (alert.contains("unknown_ca") || alert.contains("bad_certificate")
                || alert.contains("certificate_unknown") || alert.contains("access_denied")
                || alert.contains("decrypt_error"))) {
            return "the server refused our client certificate (" + ssl.getMessage() + ")";
        }
        if (tls.hasClientIdentity() && closedAfterHandshake) {
            // A TLS 1.3 server checks our certificate after the handshake has completed on our side: when CONNECT
            // is written before its alert is read, the write fails ("Broken pipe") and the alert is never seen
            return "the server refused our client certificate? it closed the connection right after the TLS "
                    + "handshake, as servers do that do not trust it; check the certificate in the profile's TLS "
                    + "settings";
        }
        if (alert.contains("protocol_version") || alert.contains("no appropriate protocol")) {
            return "no common TLS version with the server (" + ssl.getMessage() + "); try another TLS version";
        }
        if (alert.contains("no_application_protocol")) {
            return "the server accepts none of the ALPN protocols " + tls.settings().alpnProtocols();
        }
        return null;
    }

    private static boolean isLostWithoutCause(Throwable error) {
        return error instanceof MqttException me && me.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST;
    }

    private static String names(X509Certificate leaf) {
        List<String> sans = CertificateSummary.of(leaf).subjectAltNames();
        return sans.isEmpty() ? "no alternative names, subject " + leaf.getSubjectX500Principal().getName()
                : String.join(", ", sans);
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String chain(Throwable error) {
        StringBuilder detail = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (detail.length() > 0) {
                detail.append("\ncaused by: ");
            }
            detail.append(t.getClass().getName());
            if (t.getMessage() != null) {
                detail.append(": ").append(t.getMessage());
            }
        }
        return detail.toString();
    }
}
