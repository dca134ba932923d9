package dev.skeeter.broker.security;

import dev.skeeter.mqtt.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of a mosquitto ACL file and mosquitto 2's decisions on them. A client is first checked against the
 * {@code topic} lines of its own section (the section of its user name, or the anonymous section before the first
 * {@code user} line when it has none), then against the {@code pattern} lines, which apply to everyone; within each,
 * {@code deny} lines come first, and the first line whose filter matches decides. Nothing matching means denied.
 * Patterns are refused to clients whose user name or client id contains '+' or '#' (they could widen their own
 * {@code %u}/{@code %c}). Immutable and thread-safe; made by {@link AclFile}.
 */
public final class Acl {
    /** Read and write bits; deny is none. */
    static final int READ = 1;
    static final int WRITE = 2;

    /** One line: a filter (with {@code %c}/{@code %u} for patterns) and what it grants; 0 denies. */
    record Rule(String filter, int access) {
    }

    /** Rules by user; the anonymous section under the key null. Each list holds deny rules first. */
    private final Map<String, List<Rule>> users;
    private final List<Rule> patterns;

    Acl(Map<String, List<Rule>> users, List<Rule> patterns) {
        Map<String, List<Rule>> copy = new HashMap<>();
        users.forEach((k, v) -> copy.put(k, denyFirst(v)));
        this.users = copy;
        this.patterns = denyFirst(patterns);
    }

    /** May the client publish to {@code topic}? */
    public boolean mayWrite(String clientId, String username, String topic) {
        return decide(clientId, username, topic, WRITE);
    }

    /** May the client receive a message published to {@code topic}? */
    public boolean mayRead(String clientId, String username, String topic) {
        return decide(clientId, username, topic, READ);
    }

    /**
     * Can a subscription to {@code filter} receive anything at all, i.e. does it match some topic the client may
     * read? False is answered with SUBACK 0x80; true grants it, and each message is still checked with
     * {@link #mayRead}.
     */
    public boolean maySubscribe(String clientId, String username, String filter) {
        List<List<Rule>> phases = new ArrayList<>();
        phases.add(users.getOrDefault(username, List.of()));
        if (!patterns.isEmpty() && !dangerous(clientId, username)) {
            phases.add(expand(patterns, clientId, username));
        }
        for (List<Rule> phase : phases) {
            for (Rule rule : phase) {
                if (rule.access() == 0 && FilterAlgebra.covers(rule.filter(), filter)) {
                    return false; // every topic of the filter is denied before any later line is consulted
                }
            }
            for (Rule rule : phase) {
                if ((rule.access() & READ) == 0) {
                    continue;
                }
                String common = FilterAlgebra.intersection(rule.filter(), filter);
                if (common != null && phase.stream().noneMatch(d -> d.access() == 0
                        && FilterAlgebra.covers(d.filter(), common))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean decide(String clientId, String username, String topic, int access) {
        Integer decided = firstMatch(users.getOrDefault(username, List.of()), topic, access);
        if (decided != null) {
            return decided != 0;
        }
        if (patterns.isEmpty() || dangerous(clientId, username)) {
            return false;
        }
        decided = firstMatch(expand(patterns, clientId, username), topic, access);
        return decided != null && decided != 0;
    }

    /** 0 for denied, 1 for allowed, null when no rule decides. */
    private static Integer firstMatch(List<Rule> rules, String topic, int access) {
        for (Rule rule : rules) {
            if (Topics.matches(rule.filter(), topic)) {
                if (rule.access() == 0) {
                    return 0;
                }
                if ((rule.access() & access) != 0) {
                    return 1;
                }
            }
        }
        return null;
    }

    /** The patterns with {@code %c} and {@code %u} filled in; those with {@code %u} are left out without a user. */
    private static List<Rule> expand(List<Rule> patterns, String clientId, String username) {
        List<Rule> out = new ArrayList<>(patterns.size());
        for (Rule p : patterns) {
            if (p.filter().contains("%u") && username == null) {
                continue;
            }
            String f = p.filter().replace("%c", clientId);
            if (username != null) {
                f = f.replace("%u", username);
            }
            out.add(new Rule(f, p.access()));
        }
        return out;
    }

    private static boolean dangerous(String clientId, String username) {
        return clientId == null || hasWildcard(clientId) || username != null && hasWildcard(username);
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('+') >= 0 || s.indexOf('#') >= 0;
    }

    private static List<Rule> denyFirst(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        rules.stream().filter(r -> r.access() == 0).forEach(out::add);
        rules.stream().filter(r -> r.access() != 0).forEach(out::add);
        return List.copyOf(out);
    }

    /** How many sections (users and the anonymous one) and patterns, for the log. */
    public String summary() {
        return users.size() + " section(s), " + patterns.size() + " pattern(s)";
    }
}
