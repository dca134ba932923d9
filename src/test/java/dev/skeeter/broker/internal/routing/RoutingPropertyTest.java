package dev.skeeter.broker.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skeeter.mqtt.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The trie and the retained store must agree with the reference matcher {@link Topics#matches} on many random
 * filters and topics (seeded, so a failure reproduces).
 */
class RoutingPropertyTest {
    private record Subscription(String filter, String subscriber, int qos) {
    }

    @Test
    void trieMatchAgreesWithTheReferenceMatcher() {
        for (long seed = 1; seed <= 20; seed++) {
            var random = new RandomTopics(seed);
            var trie = new SubscriptionTrie<String>();
            var subscriptions = new HashMap<List<String>, Subscription>();
            for (int i = 0; i < 200; i++) {
                var s = new Subscription(random.topicFilter(), "c" + random.random().nextInt(10),
                        random.random().nextInt(3));
                trie.subscribe(s.filter, s.subscriber, s.qos);
                subscriptions.put(List.of(s.filter, s.subscriber), s);
            }
            assertAgreement(seed, random, trie, subscriptions.values());

            // Remove about half, then check again: pruning must not lose what is left.
            var removed = new ArrayList<List<String>>();
            for (var key : subscriptions.keySet()) {
                if (random.random().nextBoolean()) {
                    assertThat(trie.unsubscribe(key.get(0), key.get(1))).isTrue();
                    removed.add(key);
                }
            }
            removed.forEach(subscriptions::remove);
            assertThat(trie.subscriptionCount()).isEqualTo(subscriptions.size());
            assertAgreement(seed, random, trie, subscriptions.values());
        }
    }

    private static void assertAgreement(long seed, RandomTopics random, SubscriptionTrie<String> trie,
            Iterable<Subscription> subscriptions) {
        for (int i = 0; i < 300; i++) {
            String topic = random.topicName();
            var expected = new HashMap<String, Integer>();
            for (var s : subscriptions) {
                if (Topics.matches(s.filter, topic)) {
                    expected.merge(s.subscriber, s.qos, Math::max);
                }
            }
            var actual = new HashMap<String, Integer>();
            var duplicates = new ArrayList<String>();
            trie.match(topic, (subscriber, qos) -> {
                if (actual.put(subscriber, qos) != null) {
                    duplicates.add(subscriber);
                }
            });
            assertThat(duplicates).as("seed %d topic %s", seed, topic).isEmpty();
            assertThat(actual).as("seed %d topic %s", seed, topic).isEqualTo(expected);
        }
    }

    @Test
    void retainedMatchAgreesWithTheReferenceMatcher() {
        for (long seed = 1; seed <= 20; seed++) {
            var random = new RandomTopics(seed);
            var store = new RetainedStore<String>();
            Set<String> topics = new HashSet<>();
            for (int i = 0; i < 150; i++) {
                String topic = random.topicName();
                store.put(topic, "m" + topic);
                topics.add(topic);
            }
            for (String topic : List.copyOf(topics)) {
                if (random.random().nextInt(3) == 0) {
                    assertThat(store.remove(topic)).isTrue();
                    topics.remove(topic);
                }
            }
            assertThat(store.size()).isEqualTo(topics.size());
            for (int i = 0; i < 300; i++) {
                String filter = random.topicFilter();
                Map<String, String> expected = new HashMap<>();
                topics.stream().filter(t -> Topics.matches(filter, t)).forEach(t -> expected.put(t, "m" + t));
                Map<String, String> actual = new HashMap<>();
                store.match(filter, actual::put);
                assertThat(actual).as("seed %d filter %s", seed, filter).isEqualTo(expected);
            }
        }
    }

    @Test
    void validationAgreesWithALevelByLevelReadingOfSection_4_7_1() {
        var random = new java.util.Random(7);
        char[] alphabet = {'a', '/', '+', '#', '$'};
        for (int i = 0; i < 20_000; i++) {
            var text = new StringBuilder();
            int length = random.nextInt(7);
            for (int k = 0; k < length; k++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String candidate = text.toString();
            assertThat(Topics.isValidTopicFilter(candidate)).as("filter '%s'", candidate)
                    .isEqualTo(isValidFilterByLevels(candidate));
            assertThat(Topics.isValidTopicName(candidate)).as("name '%s'", candidate)
                    .isEqualTo(!candidate.isEmpty() && !candidate.contains("+") && !candidate.contains("#"));
        }
    }

    /** [MQTT-4.7.1-2] '#' alone in the last level, [MQTT-4.7.1-3] '+' alone in its level, [MQTT-4.7.3-1]. */
    private static boolean isValidFilterByLevels(String filter) {
        if (filter.isEmpty()) {
            return false;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean hasWildcard = level.contains("+") || level.contains("#");
            boolean ok = !hasWildcard || level.equals("+") || (level.equals("#") && i == levels.length - 1);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Test
    void randomFiltersAndNamesAreValid() {
        var random = new RandomTopics(42);
        for (int i = 0; i < 1_000; i++) {
            assertThat(Topics.isValidTopicFilter(random.topicFilter())).isTrue();
            assertThat(Topics.isValidTopicName(random.topicName())).isTrue();
        }
    }
}
