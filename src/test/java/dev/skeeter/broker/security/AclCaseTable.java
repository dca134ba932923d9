package dev.skeeter.broker.security;

import java.util.List;

/**
 * One ACL file and what mosquitto 2 decides for it: which publishes get through and which messages each client
 * receives. {@link AclTest} checks our evaluator against it, {@code AclMatchesMosquittoTest} runs it through
 * mosquitto 2 and through our broker with real clients.
 */
public final class AclCaseTable {
    private AclCaseTable() {
    }

    /** A client: id, user name (null for anonymous) and password (every user's is "pw-" + name). */
    public record Client(String id, String username) {
        public String password() {
            return username == null ? null : "pw-" + username;
        }
    }

    /** {@code client} publishes to {@code topic}; {@code allowed}: the message is routed. */
    public record Write(Client client, String topic, boolean allowed) {
    }

    /** A message on {@code topic} (published by {@link #ROOT}) reaches {@code client}, subscribed to '#'. */
    public record Read(Client client, String topic, boolean allowed) {
    }

    public static final Client ROOT = new Client("root-1", "root");
    public static final Client WATCHER = new Client("watcher-1", "watcher");
    public static final Client ANONYMOUS = new Client("anon-1", null);
    public static final Client ALICE = new Client("alice-1", "alice");
    public static final Client BOB = new Client("bob-1", "bob");
    /** Has no section: only the patterns apply. */
    public static final Client CAROL = new Client("carol-1", "carol");
    /** A '+' in the client id: mosquitto refuses it every pattern. */
    public static final Client SNEAKY = new Client("sneaky+", "dave");

    public static final List<String> ACL = List.of(
            "# anonymous clients: everything before the first user line",
            "topic read public/#",
            "topic deny public/secret",
            "",
            "user root",
            "topic readwrite #",
            "",
            "user watcher",
            "topic read #",
            "",
            "user alice",
            "topic readwrite alice/#",
            "topic write shared/in",
            "topic read shared/#",
            "topic deny shared/private",
            "",
            "user bob",
            "topic read alice/news",
            "topic bob/#",
            "",
            "pattern readwrite clients/%c/#",
            "pattern write users/%u/out",
            "pattern read users/%u/in",
            "pattern deny clients/%c/locked",
            "pattern read done/%c",
            "",
            "user dave",
            "topic read done/#");

    /** Retained by {@link #ROOT} before anyone subscribes; each client's '#' subscription gets what it may read. */
    public static final List<Read> RETAINED = List.of(
            new Read(ANONYMOUS, "public/kept", true),
            new Read(ANONYMOUS, "alice/kept", false),
            new Read(ALICE, "alice/kept", true),
            new Read(ALICE, "public/kept", false));

    /** A client whose will goes to {@code topic}: published (to {@link #WATCHER}) only when it may write there. */
    public static final List<Write> WILLS = List.of(
            new Write(new Client("alice-will", "alice"), "alice/will", true),
            new Write(new Client("bob-will", "bob"), "alice/will-of-bob", false));

    public static final List<Client> CLIENTS = List.of(ROOT, WATCHER, ANONYMOUS, ALICE, BOB, CAROL, SNEAKY);

    public static final List<Write> WRITES = List.of(
            new Write(ANONYMOUS, "public/news", false),
            new Write(ANONYMOUS, "clients/anon-1/x", true),
            new Write(ANONYMOUS, "users/null/out", false),
            new Write(ALICE, "alice/a", true),
            new Write(ALICE, "alice/deep/b", true),
            new Write(ALICE, "shared/in", true),
            new Write(ALICE, "shared/out", false),
            new Write(ALICE, "bob/x", false),
            new Write(ALICE, "users/alice/out", true),
            new Write(ALICE, "users/bob/out", false),
            new Write(ALICE, "clients/alice-1/locked", false),
            new Write(ALICE, "clients/alice-1/ok", true),
            new Write(BOB, "bob/x", true),
            new Write(BOB, "alice/news", false),
            new Write(CAROL, "users/carol/out", true),
            new Write(CAROL, "carol/x", false),
            new Write(SNEAKY, "users/dave/out", false),
            new Write(WATCHER, "alice/a", false));

    public static final List<Read> READS = List.of(
            new Read(ANONYMOUS, "public/news", true),
            new Read(ANONYMOUS, "public/secret", false),
            new Read(ANONYMOUS, "alice/a", false),
            new Read(ANONYMOUS, "clients/anon-1/x", true),
            new Read(ALICE, "alice/a", true),
            new Read(ALICE, "shared/x", true),
            new Read(ALICE, "shared/private", false),
            new Read(ALICE, "shared/in", true),
            new Read(ALICE, "public/news", false),
            new Read(ALICE, "users/alice/in", true),
            new Read(ALICE, "users/bob/in", false),
            new Read(ALICE, "clients/alice-1/locked", false),
            new Read(BOB, "alice/news", true),
            new Read(BOB, "alice/a", false),
            new Read(BOB, "bob/deep/x", true),
            new Read(CAROL, "users/carol/in", true),
            new Read(CAROL, "alice/a", false),
            new Read(SNEAKY, "users/dave/in", false),
            new Read(WATCHER, "alice/a", true),
            new Read(WATCHER, "public/secret", true));
}
