package dev.skeeter.broker;

/**
 * Decides what an accepted client may do with topics, in place of the ACL file. Called on Netty event loops for every
 * PUBLISH, subscription and delivered message: implementations must be thread-safe, quick and must never block
 * (keep rules in memory; load them elsewhere).
 */
public interface Authoriser {

    /** Allows everything (the default without an ACL file). */
    Authoriser ALLOW_ALL = new Authoriser() {
        @Override
        public boolean mayPublish(Identity client, String topic) {
            return true;
        }

        @Override
        public boolean mayReceive(Identity client, String topic) {
            return true;
        }
    };

    /** A refused PUBLISH is acknowledged and dropped, as mosquitto does; a refused will is not published. */
    boolean mayPublish(Identity client, String topic);

    /** Checked for each message before it is delivered, retained ones included. */
    boolean mayReceive(Identity client, String topic);

    /**
     * Whether a subscription to {@code filter} is granted; false answers SUBACK 0x80. The default grants every
     * subscription and leaves the decision to {@link #mayReceive} per message.
     */
    default boolean maySubscribe(Identity client, String filter) {
        return true;
    }

    /**
     * Who a client is for the rules: its client id and its user name (null for anonymous clients; the certificate's
     * CN or subject with {@code use_identity_as_username} / {@code use_subject_as_username}).
     */
    record Identity(String clientId, String username) {
    }
}
