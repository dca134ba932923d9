package dev.skeeter.broker.internal.auth;

import dev.skeeter.broker.Authenticator;
import dev.skeeter.broker.Authoriser;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The security rules the clients of one listener meet (of every listener without {@code per_listener_settings}):
 * the password file and {@code allow_anonymous}, or an embedder's {@link Authenticator}; the ACL, or an embedder's
 * {@link Authoriser}. Thread-safe: rules are swapped whole on reload, and connected clients meet the new ACL with
 * their next message. Hashing runs on the given executor, never on the event loop that asks.
 */
public final class Guard {
    private final Executor hashing;
    private final Authenticator authenticator;
    private final Authoriser authoriser;
    private volatile SecurityRules rules = SecurityRules.OPEN;

    /** {@code authenticator} and {@code authoriser} are null to use the files. */
    Guard(Executor hashing, Authenticator authenticator, Authoriser authoriser) {
        this.hashing = hashing;
        this.authenticator = authenticator;
        this.authoriser = authoriser;
    }

    void replace(SecurityRules next) {
        rules = next;
    }

    /** Completes on the hashing executor (or at once when there is nothing to hash); never blocks the caller. */
    public CompletionStage<AuthResult> authenticate(Authenticator.Credentials credentials) {
        if (authenticator != null) {
            return authenticator.authenticate(credentials).thenApply(decision -> decision
                    == Authenticator.Decision.ALLOW ? AuthResult.ALLOWED
                    : new AuthResult(decision, "refused by the broker's authenticator"));
        }
        SecurityRules current = rules;
        if (!current.needsHashing(credentials.username())) {
            return CompletableFuture.completedFuture(current.check(credentials.username(), credentials.password()));
        }
        return CompletableFuture.supplyAsync(() -> current.check(credentials.username(), credentials.password()),
                hashing);
    }

    public boolean mayPublish(Authoriser.Identity client, String topic) {
        if (authoriser != null) {
            return authoriser.mayPublish(client, topic);
        }
        var acl = rules.acl();
        return acl == null || acl.mayWrite(client.clientId(), client.username(), topic);
    }

    public boolean mayReceive(Authoriser.Identity client, String topic) {
        if (authoriser != null) {
            return authoriser.mayReceive(client, topic);
        }
        var acl = rules.acl();
        return acl == null || acl.mayRead(client.clientId(), client.username(), topic);
    }

    public boolean maySubscribe(Authoriser.Identity client, String filter) {
        if (authoriser != null) {
            return authoriser.maySubscribe(client, filter);
        }
        var acl = rules.acl();
        return acl == null || acl.maySubscribe(client.clientId(), client.username(), filter);
    }

    /** What is in force, for the log: "password file (3 users), anonymous refused, ACL (2 section(s), ...)". */
    String describe() {
        if (authenticator != null || authoriser != null) {
            return "the embedding program's " + (authenticator != null ? "authenticator" : "")
                    + (authenticator != null && authoriser != null ? " and " : "")
                    + (authoriser != null ? "authoriser" : "");
        }
        SecurityRules r = rules;
        return (r.users() == null ? "no password file" : "password file (" + r.users().size() + " users)")
                + ", anonymous clients " + (r.allowAnonymous() ? "allowed" : "refused")
                + (r.acl() == null ? ", no ACL" : ", ACL (" + r.acl().summary() + ")");
    }
}
