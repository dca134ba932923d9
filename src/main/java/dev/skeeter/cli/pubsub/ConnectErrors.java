package dev.skeeter.cli.pubsub;

import dev.skeeter.client.ConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * What mosquitto's tools print, and the exit code they return, when connecting fails: a CONNACK refusal exits with
 * its return code, a host that cannot be reached or resolved with 1. A TLS failure prints exactly what mosquitto
 * prints (a code's name); Skeeter's explanation of it (which certificate, which name) is shown with {@code -d}.
 * Stateless.
 */
final class ConnectErrors {
    /** MQTT 3.1.1 CONNACK return codes, as mosquitto names them. */
    private static final String[] CONNACK = {
        "Connection Accepted.",
        "Connection Refused: unacceptable protocol version.",
        "Connection Refused: identifier rejected.",
        "Connection Refused: broker unavailable.",
        "Connection Refused: bad user name or password.",
        "Connection Refused: not authorised."
    };

    /** libmosquitto's MOSQ_ERR_CONN_REFUSED, MOSQ_ERR_CONN_LOST, MOSQ_ERR_TLS, MOSQ_ERR_KEEPALIVE, MOSQ_ERR_TIMEOUT. */
    static final int CONN_REFUSED = 5;
    static final int CONN_LOST = 7;
    static final int TLS = 8;
    static final int KEEPALIVE = 19;
    static final int TIMEOUT = 27;

    /**
     * The lines for stderr (newlines included), the exit code, and Skeeter's explanation for {@code -d} (a line,
     * or empty).
     */
    record Failure(String lines, int exitCode, String explanation) {
        Failure(String lines, int exitCode) {
            this(lines, exitCode, "");
        }

        /** What goes to stderr: with {@code debug}, the explanation first. */
        String text(boolean debug) {
            return debug ? explanation + lines : lines;
        }
    }

    private ConnectErrors() {
    }

    static String connackText(int code) {
        return code >= 0 && code < CONNACK.length ? CONNACK[code] : "Connection Refused: unknown reason.";
    }

    /** A failed connect; {@code publisher} adds the extra line mosquitto_pub prints after a refusal. */
    static Failure of(Throwable error, boolean publisher) {
        Throwable cause = error instanceof ConnectionException ? error.getCause() : error;
        String summary = error instanceof ConnectionException ce ? ce.failure().summary() : String.valueOf(error);
        if (cause instanceof MqttException me && me.getReasonCode() >= 1 && me.getReasonCode() <= 5) {
            int code = me.getReasonCode();
            return new Failure("Connection error: " + connackText(code) + "\n"
                    + (publisher ? "Error: The connection was refused.\n" : ""), code);
        }
        if (find(cause, UnknownHostException.class) != null) {
            return new Failure("Unable to connect (Lookup error.).\n", 1);
        }
        if (find(cause, ConnectException.class) != null) {
            return new Failure("Error: Connection refused\n", 1);
        }
        if (find(cause, NoRouteToHostException.class) != null) {
            return new Failure("Error: No route to host\n", 1);
        }
        if (find(cause, SocketTimeoutException.class) != null) {
            // no CONNACK within the keepalive interval: what libmosquitto reports (an error it has no name for)
            return new Failure("Error: Unknown error.\n", KEEPALIVE);
        }
        if (find(cause, SSLException.class) != null || summary.toLowerCase().contains("certificate")) {
            String explanation = "TLS error: " + summary + "\n";
            // A server that requires a client certificate refuses it after the client's side of the handshake is
            // done (TLS 1.3), so mosquitto's tools see a lost connection there and a TLS error everywhere else.
            return summary.startsWith("client certificate required")
                    ? new Failure("Error: The connection was lost.\n", CONN_LOST, explanation)
                    : new Failure("Error: A TLS error occurred.\n", TLS, explanation);
        }
        return new Failure("Error: " + summary + "\n", 1);
    }

    /** A publication that failed after connecting. */
    static Failure ofPublish(Throwable error) {
        if (error instanceof MqttException me && (me.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                || me.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED)) {
            return new Failure("Error: The connection was lost.\n", CONN_LOST);
        }
        if (error instanceof IllegalArgumentException) {
            return new Failure("Error: Invalid input. Does your topic contain '+' or '#'?\n", 1);
        }
        return new Failure("Error: " + (error.getMessage() == null ? error.toString() : error.getMessage()) + "\n",
                1);
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
