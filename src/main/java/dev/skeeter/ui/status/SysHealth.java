package dev.skeeter.ui.status;

/**
 * Says in words why the dashboard is empty: {@code $SYS} refused, or silent for twice the interval expected.
 * Stateless.
 */
public final class SysHealth {
    /** mosquitto's default sys_interval; EMQX and HiveMQ's plugin publish every minute by default. */
    static final long MOSQUITTO_DEFAULT_MILLIS = 10_000;
    static final long MINUTE_MILLIS = 60_000;

    private SysHealth() {
    }

    public static String denied(String filter) {
        return "The broker refused the subscription to " + filter + " (SUBACK 0x80): this client may not read $SYS. "
                + "Ask for read access to " + filter + " (mosquitto: a \"topic read $SYS/#\" line for this user in "
                + "the acl_file; EMQX: an authorization rule allowing $SYS/# for this client).";
    }

    /** The interval after which silence is reported: twice the learned interval, or twice the schema's default. */
    public static long silenceAfterMillis(SysSchema schema, long learnedIntervalMillis) {
        if (learnedIntervalMillis > 0) {
            return 2 * learnedIntervalMillis;
        }
        return 2 * (schema == SysSchema.EMQX || schema == SysSchema.HIVEMQ ? MINUTE_MILLIS : MOSQUITTO_DEFAULT_MILLIS);
    }

    /**
     * The words for a silence, or "" when there is none.
     *
     * @param since   when the subscription was granted, or the last message arrived if any did
     * @param anyYet  whether any $SYS message arrived since subscribing
     */
    public static String silence(SysSchema schema, long learnedIntervalMillis, long since, long now, boolean anyYet) {
        long limit = silenceAfterMillis(schema, learnedIntervalMillis);
        long waited = now - since;
        if (waited < limit) {
            return "";
        }
        long s = waited / 1000;
        if (anyYet) {
            return "No $SYS update for " + s + " s (expected every " + Math.max(1, limit / 2000) + " s). The broker "
                    + "may be overloaded or stopped publishing $SYS, or the connection is stalled.";
        }
        return "Subscribed to $SYS/#, but nothing arrived in " + s + " s. Likely causes: mosquitto with "
                + "\"sys_interval 0\" (no $SYS tree); an ACL that hides $SYS from this client (mosquitto grants the "
                + "subscription and then delivers nothing); EMQX, which by default lets only clients on localhost "
                + "read $SYS and publishes it once a minute; or a broker without a $SYS tree.";
    }
}
