package dev.skeeter.broker.internal.auth;

import dev.skeeter.broker.Authenticator;

/** A login decision and, for a refusal, why (for the log; never the password). */
public record AuthResult(Authenticator.Decision decision, String reason) {
    static final AuthResult ALLOWED = new AuthResult(Authenticator.Decision.ALLOW, null);

    /** mosquitto 2 answers every refused login of MQTT 3.1/3.1.1 with CONNACK 5, "not authorised". */
    static AuthResult refused(String reason) {
        return new AuthResult(Authenticator.Decision.NOT_AUTHORISED, reason);
    }

    public boolean allowed() {
        return decision == Authenticator.Decision.ALLOW;
    }
}
