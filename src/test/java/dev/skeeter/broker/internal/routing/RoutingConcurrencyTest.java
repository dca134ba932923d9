package dev.skeeter.broker.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.mqtt.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writers subscribe and unsubscribe (or put and remove) on overlapping branches while readers match, as Netty event
 * loops do. Each writer owns its subscriber name, so the expected final state is known exactly; the shared small
 * topic alphabet makes pruning and re-creating the same nodes race all the time.
 */
class RoutingConcurrencyTest {
    private static final int WRITERS = 3;
    private static final int READERS = 2;
    private static final int OPERATIONS = 10_000;

    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * With no extra level names nodes have few children and writers collide all the time; with 6 extra, nodes cross
     * TrieNode.SMALL_LIMIT children and switch table shape under load.
     */
    @ParameterizedTest(name = "{0} extra level names")
    @ValueSource(ints = {0, 6})
    void concurrentSubscribeUnsubscribeAndMatchLeaveAConsistentTrie(int extraLevels) throws Exception {
        var trie = new SubscriptionTrie<String>();
        var writersDone = new AtomicBoolean();
        List<Future<Map<String, Integer>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String subscriber = "writer" + w;
            long seed = w;
            writers.add(pool.submit(() -> {
                var random = new RandomTopics(seed, extraLevels);
                var mine = new HashMap<String, Integer>();
                for (int i = 0; i < OPERATIONS; i++) {
                    String filter = random.topicFilter();
                    if (random.random().nextBoolean()) {
                        int qos = random.random().nextInt(3);
                        int previous = trie.subscribe(filter, subscriber, qos);
                        assertThat(previous).isEqualTo(mine.getOrDefault(filter, -1));
                        mine.put(filter, qos);
                    } else {
                        assertThat(trie.unsubscribe(filter, subscriber)).isEqualTo(mine.remove(filter) != null);
                    }
                }
                return mine;
            }));
        }
        List<Future<Long>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            long seed = 100 + r;
            var random = new RandomTopics(seed, extraLevels); // used by this reader's thread only
            readers.add(pool.submit(readUntil(writersDone, () -> {
                var seen = new HashMap<String, Integer>();
                trie.match(random.topicName(), (subscriber, qos) ->
                        assertThat(seen.put(subscriber, qos)).as("delivered once").isNull());
                return seen.size();
            })));
        }

        Map<String, Map<String, Integer>> finalState = new HashMap<>();
        for (int w = 0; w < WRITERS; w++) {
            finalState.put("writer" + w, writers.get(w).get(60, TimeUnit.SECONDS));
        }
        writersDone.set(true);
        for (var reader : readers) {
            assertThat(reader.get(60, TimeUnit.SECONDS)).as("matches done").isPositive();
        }

        int expectedCount = finalState.values().stream().mapToInt(Map::size).sum();
        assertThat(trie.subscriptionCount()).isEqualTo(expectedCount);
        var random = new RandomTopics(999, extraLevels);
        for (int i = 0; i < 500; i++) {
            String topic = random.topicName();
            var expected = new HashMap<String, Integer>();
            finalState.forEach((subscriber, filters) -> filters.forEach((filter, qos) -> {
                if (Topics.matches(filter, topic)) {
                    expected.merge(subscriber, qos, Math::max);
                }
            }));
            var actual = new HashMap<String, Integer>();
            trie.match(topic, actual::put);
            assertThat(actual).as(topic).isEqualTo(expected);
        }

        finalState.forEach((subscriber, filters) -> filters.keySet().forEach(filter ->
                assertThat(trie.unsubscribe(filter, subscriber)).as(filter).isTrue()));
        assertThat(trie.subscriptionCount()).isZero();
        assertThat(trie.nodeCount()).isZero();
    }

    @ParameterizedTest(name = "{0} extra level names")
    @ValueSource(ints = {0, 6})
    void concurrentPutRemoveAndMatchLeaveAConsistentRetainedStore(int extraLevels) throws Exception {
        var store = new RetainedStore<String>();
        var writersDone = new AtomicBoolean();
        List<Future<Map<String, String>>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String prefix = "w" + w; // each writer owns a last level, so the others cannot touch its topics
            long seed = w;
            writers.add(pool.submit(() -> {
                var random = new RandomTopics(seed, extraLevels);
                var mine = new HashMap<String, String>();
                for (int i = 0; i < OPERATIONS; i++) {
                    String topic = random.topicName() + "/" + prefix;
                    if (random.random().nextBoolean()) {
                        store.put(topic, "m" + i);
                        mine.put(topic, "m" + i);
                    } else {
                        assertThat(store.remove(topic)).isEqualTo(mine.remove(topic) != null);
                    }
                }
                return mine;
            }));
        }
        List<Future<Long>> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            long seed = 100 + r;
            var random = new RandomTopics(seed, extraLevels); // used by this reader's thread only
            readers.add(pool.submit(readUntil(writersDone, () -> {
                String filter = random.topicFilter();
                int[] count = {0};
                store.match(filter, (topic, message) -> {
                    assertThat(Topics.matches(filter, topic)).isTrue();
                    count[0]++;
                });
                return count[0];
            })));
        }

        Map<String, String> expected = new HashMap<>();
        for (var writer : writers) {
            expected.putAll(writer.get(60, TimeUnit.SECONDS));
        }
        writersDone.set(true);
        for (var reader : readers) {
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        }

        assertThat(store.size()).isEqualTo(expected.size());
        Map<String, String> actual = new HashMap<>();
        store.match("#", actual::put);
        store.match("$s/#", actual::put);
        assertThat(actual).isEqualTo(expected);
        expected.keySet().forEach(store::remove);
        assertThat(store.size()).isZero();
        assertThat(store.nodeCount()).isZero();
    }

    /** Repeats {@code oneMatch} until the writers finish (at least once); returns how many matches it ran. */
    private static Callable<Long> readUntil(AtomicBoolean done, Callable<Integer> oneMatch) {
        return () -> {
            long matches = 0;
            do {
                oneMatch.call();
                matches++;
            } while (!done.get());
            return matches;
        };
    }
}
