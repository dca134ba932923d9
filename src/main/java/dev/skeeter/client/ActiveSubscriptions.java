package dev.skeeter.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The filters a connection is subscribed to (filter -> QoS asked for), in subscription order, and which of them a
 * topic matches. Thread-safe: read on Paho's thread for every message, changed from any thread.
 */
final class ActiveSubscriptions {
    private final Map<String, Integer> filters = new LinkedHashMap<>(); // guarded by itself
    /** (filter, topic name) -> whether the filter matches the topic. */
    private final BiPredicate<String, String> matcher;

    ActiveSubscriptions(BiPredicate<String, String> matcher) {
        this.matcher = matcher;
    }

    void remember(List<SubscriptionRequest> requests) {
        synchronized (filters) {
            requests.forEach(r -> filters.put(r.filter(), r.qos()));
        }
    }

    void forget(Collection<String> gone) {
        synchronized (filters) {
            gone.forEach(filters::remove);
        }
    }

    void clear() {
        synchronized (filters) {
            filters.clear();
        }
    }

    Map<String, Integer> snapshot() {
        synchronized (filters) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        }
    }

    List<SubscriptionRequest> asRequests() {
        synchronized (filters) {
            return filters.entrySet().stream().map(e -> new SubscriptionRequest(e.getKey(), e.getValue())).toList();
        }
    }

    /** The filters that match {@code topic}, in subscription order (several when filters overlap). */
    List<String> matching(String topic) {
        List<String> matched = new ArrayList<>(1);
        synchronized (filters) {
            for (String filter : filters.keySet()) {
                if (matcher.test(filter, topic)) {
                    matched.add(filter);
                }
            }
        }
        return matched;
    }
}
