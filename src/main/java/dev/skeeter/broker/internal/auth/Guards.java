package dev.skeeter.broker.internal.auth;

import dev.skeeter.broker.Authenticator;
import dev.skeeter.broker.Authoriser;
import dev.skeeter.broker.BrokerConfig;
import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerSecurity;
import dev.skeeter.broker.security.SecurityFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Guard} of each listener: one shared by all of them, or one each with {@code per_listener_settings}.
 * Owns the thread that hashes passwords. Thread-safe; {@link #load} and {@link #reload} are called by one thread at
 * a time (start, then SIGHUP).
 */
public final class Guards implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BrokerConfig config;
    private final ExecutorService hashing;
    /** One per listener, in the order of {@code config.listeners()}; the same object for all when shared. */
    private final List<Guard> guards = new ArrayList<>();

    public Guards(BrokerConfig config) {
        this.config = config;
        // Two threads: logins are rare next to messages, and a burst of them must not take every core.
        this.hashing = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "skeeter-auth-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Authenticator authenticator = config.authenticator() == Authenticator.ALLOW_ALL ? null
                : config.authenticator();
        Authoriser authoriser = config.authoriser() == Authoriser.ALLOW_ALL ? null : config.authoriser();
        Guard shared = new Guard(hashing, authenticator, authoriser);
        for (int i = 0; i < config.listeners().size(); i++) {
            guards.add(config.perListenerSettings() ? new Guard(hashing, authenticator, authoriser) : shared);
        }
        if (guards.isEmpty()) {
            guards.add(shared);
        }
    }

    /**
     * Reads every password and ACL file.
     *
     * @throws SecurityFileException with every problem of every file (the broker does not start)
     */
    public void load() throws SecurityFileException {
        List<String> problems = new ArrayList<>();
        List<SecurityRules> loaded = read(config, problems);
        if (loaded == null) {
            throw new SecurityFileException(problems);
        }
        apply(loaded);
    }

    /**
     * Reads the files {@code fresh} names (the same listeners, re-read after SIGHUP) and puts them in force. When any
     * has a problem nothing changes and the problems are returned; an empty list means the new rules are in force.
     * Connections stay.
     */
    public List<String> reload(BrokerConfig fresh) {
        List<String> problems = new ArrayList<>();
        List<SecurityRules> loaded = read(fresh, problems);
        if (loaded == null) {
            return problems;
        }
        apply(loaded);
        return List.of();
    }

    /** The guard of {@code listener}; the first one for a listener this broker does not know (tests). */
    public Guard of(ListenerConfig listener) {
        List<ListenerConfig> listeners = config.listeners();
        for (int i = 0; i < listeners.size(); i++) {
            if (listeners.get(i) == listener) {
                return guards.get(i);
            }
        }
        int index = listeners.indexOf(listener);
        return guards.get(Math.max(index, 0));
    }

    /** One line per distinct guard, for the start-up log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < guards.size(); i++) {
            if (config.perListenerSettings()) {
                lines.add("listener " + config.listeners().get(i).port() + ": " + guards.get(i).describe());
            } else if (i == 0) {
                lines.add(guards.get(0).describe());
            }
        }
        return lines;
    }

    @Override
    public void close() {
        hashing.shutdownNow();
    }

    /** The rules for each guard, or null when a file has problems (added to {@code problems}). */
    private List<SecurityRules> read(BrokerConfig source, List<String> problems) {
        List<SecurityRules> loaded = new ArrayList<>();
        List<ListenerConfig> listeners = source.listeners();
        for (int i = 0; i < guards.size(); i++) {
            ListenerSecurity settings = config.perListenerSettings() && i < listeners.size()
                    ? source.securityOf(listeners.get(i)) : source.security();
            if (!config.perListenerSettings() && i > 0) {
                loaded.add(loaded.get(0));
                continue;
            }
            try {
                loaded.add(SecurityRules.load(settings));
            } catch (SecurityFileException e) {
                problems.addAll(e.problems());
            }
        }
        return problems.isEmpty() ? loaded : null;
    }

    private void apply(List<SecurityRules> loaded) {
        for (int i = 0; i < guards.size(); i++) {
            guards.get(i).replace(loaded.get(i));
        }
    }
}
