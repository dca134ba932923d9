package dev.skeeter.ui.topics;

import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes retained messages the MQTT way: an empty retained PUBLISH per topic [MQTT-3.3.1-10]. Before and after, it
 * subscribes the node's filter so the broker sends every retained message under it [MQTT-3.3.1-6]: before, to find
 * ones the tree has not seen; after, to report any that came back (another client republished, or the broker kept
 * them). Thread-safe; runs on the connection's futures, never blocks.
 */
final class RetainedCleaner {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skeeter-retained-cleaner");
        t.setDaemon(true);
        return t;
    });

    /** What a clean-up did: topics cleared, refused by the broker (with why), and retained again afterwards. */
    record Report(List<String> cleared, List<String> refused, List<String> cameBack) {
        String text(String where) {
            StringBuilder s = new StringBuilder("Cleared " + cleared.size() + " retained message"
                    + (cleared.size() == 1 ? "" : "s") + " " + where);
            if (!refused.isEmpty()) {
                s.append("; ").append(refused.size()).append(" refused: ").append(String.join(", ", head(refused)));
            }
            if (!cameBack.isEmpty()) {
                s.append("; ").append(cameBack.size()).append(" came back: ").append(String.join(", ", head(cameBack)));
            }
            return s.toString();
        }

        private static List<String> head(List<String> list) {
            return list.size() <= 5 ? list : List.of(String.join(", ", list.subList(0, 5)), "…");
        }
    }

    private final MqttConnection connection;
    /** How long retained messages may take to arrive after the SUBACK. */
    private final Duration settle;

    RetainedCleaner(MqttConnection connection, Duration settle) {
        this.connection = connection;
        this.settle = settle;
    }

    /**
     * Clears {@code known} and whatever else the broker holds under {@code filters} (e.g. {@code a/b} and
     * {@code a/b/#}).
     */
    CompletableFuture<Report> clear(Collection<String> known, List<String> filters) {
        return retainedUnder(filters).thenCompose(found -> {
            Set<String> topics = new TreeSet<>(known);
            topics.addAll(found);
            List<String> cleared = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
            for (String topic : topics) {
                CompletableFuture<Void> one;
                try {
                    one = connection.publish(topic, new byte[0], 1, true);
                } catch (RuntimeException e) {
                    one = CompletableFuture.failedFuture(e);
                }
                all = all.thenCombine(one.handle((ok, error) -> {
                    synchronized (cleared) {
                        if (error == null) {
                            cleared.add(topic);
                        } else {
                            refused.add(topic + " (" + dev.skeeter.ui.common.Errors.rootMessage(error) + ")");
                        }
                    }
                    return null;
                }), (a, b) -> null);
            }
            return all.thenCompose(v -> retainedUnder(filters)).thenApply(after -> {
                List<String> back = new ArrayList<>(after);
                back.retainAll(topics);
                synchronized (cleared) {
                    return new Report(List.copyOf(cleared), List.copyOf(refused), back);
                }
            });
        });
    }

    /** Subscribes {@code filters} (unless held already), collects the retained topics that arrive, unsubscribes. */
    private CompletableFuture<List<String>> retainedUnder(List<String> filters) {
        Set<String> seen = new ConcurrentSkipListSet<>();
        ConnectionListener watcher = new ConnectionListener() {
            @Override
            public void messageArrived(ReceivedMessage m) {
                if (m.retained() && m.payload().length > 0) {
                    seen.add(m.topic());
                }
            }
        };
        List<String> added = filters.stream().filter(f -> !connection.activeSubscriptions().containsKey(f)).toList();
        connection.addListener(watcher);
        CompletableFuture<List<Integer>> subscribed;
        try {
            // A filter held already is subscribed again: the broker then resends its retained messages too.
            subscribed = connection.subscribe(filters.stream().map(f -> new SubscriptionRequest(f, 0)).toList());
        } catch (RuntimeException e) {
            subscribed = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        subscribed.whenComplete((granted, error) -> {
            if (error != null) {
                connection.removeListener(watcher);
                result.completeExceptionally(error);
                return;
            }
            TIMER.schedule(() -> {
                connection.removeListener(watcher);
                if (!added.isEmpty()) {
                    try {
                        connection.unsubscribe(added);
                    } catch (RuntimeException ignored) {
                        // disconnected meanwhile: the subscription went with the session
                    }
                }
                result.complete(new ArrayList<>(seen));
            }, settle.toMillis(), TimeUnit.MILLISECONDS);
        });
        return result;
    }

    /** The filters that cover {@code topic} and everything below it. */
    static List<String> filtersFor(String topic, boolean below) {
        return below ? List.of(topic, topic + "/#") : List.of(topic);
    }
}
