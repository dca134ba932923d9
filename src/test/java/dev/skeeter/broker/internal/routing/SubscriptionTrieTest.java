package dev.skeeter.broker.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skeeter.mqtt.InvalidTopicException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SubscriptionTrieTest {
    private final SubscriptionTrie<String> trie = new SubscriptionTrie<>();

    /** Every delivery of one match; a subscriber listed twice would be a bug [MQTT-3.3.5-1]. */
    private List<Map.Entry<String, Integer>> deliveries(String topic) {
        var seen = new ArrayList<Map.Entry<String, Integer>>();
        trie.match(topic, (subscriber, qos) -> seen.add(Map.entry(subscriber, qos)));
        return seen;
    }

    private Map<String, Integer> matched(String topic) {
        var result = new HashMap<String, Integer>();
        for (var delivery : deliveries(topic)) {
            assertThat(result.put(delivery.getKey(), delivery.getValue()))
                    .as("%s delivered twice for %s", delivery.getKey(), topic).isNull();
        }
        return result;
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @MethodSource("dev.skeeter.mqtt.SpecExamples#matching")
    void trieFollowsTheSpecExamples(String reference, String filter, String topic, boolean expected) {
        trie.subscribe(filter, "client", 1);
        assertThat(matched(topic)).as(reference).isEqualTo(expected ? Map.of("client", 1) : Map.of());
    }

    @Test
    void overlappingFiltersDeliverOnceAtTheHighestQos_MQTT_3_3_5_1() {
        trie.subscribe("sport/#", "a", 0);
        trie.subscribe("sport/tennis/+", "a", 2);
        trie.subscribe("sport/tennis/player1", "a", 1);
        trie.subscribe("#", "a", 0);
        trie.subscribe("sport/tennis/player1", "b", 0);
        trie.subscribe("+/+/player1", "b", 1);

        assertThat(deliveries("sport/tennis/player1")).hasSize(2);
        assertThat(matched("sport/tennis/player1")).containsExactlyInAnyOrderEntriesOf(Map.of("a", 2, "b", 1));
        assertThat(matched("sport")).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0));
    }

    @Test
    void manyOverlappingSubscribersAreStillDeliveredOnceEach_MQTT_3_3_5_1() {
        // Past the collector's linear merge limit, so the hash-map merge path runs too.
        for (int i = 0; i < 100; i++) {
            trie.subscribe("a/#", "s" + i, 0);
            trie.subscribe("a/+", "s" + i, i % 3);
            trie.subscribe("a/b", "s" + i, 1);
        }
        var result = matched("a/b");
        assertThat(result).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(result.get("s" + i)).isEqualTo(Math.max(1, i % 3));
        }
    }

    @Test
    void subscribingAgainReplacesTheQosAndReportsThePreviousOne() {
        assertThat(trie.subscribe("a/b", "x", 1)).isEqualTo(-1);
        assertThat(trie.subscribe("a/b", "x", 2)).isEqualTo(1);
        assertThat(trie.subscribe("a/b", "x", 0)).isEqualTo(2);
        assertThat(trie.subscriptionCount()).isEqualTo(1);
        assertThat(matched("a/b")).isEqualTo(Map.of("x", 0));
    }

    @Test
    void multiLevelWildcardMatchesTheParentLevel() {
        trie.subscribe("sport/#", "x", 1);
        assertThat(matched("sport")).containsOnlyKeys("x");
        assertThat(matched("sport/tennis/player1/ranking")).containsOnlyKeys("x");
        assertThat(matched("sports")).isEmpty();
    }

    @Test
    void firstLevelWildcardsNeverMatchDollarTopics_MQTT_4_7_2_1() {
        trie.subscribe("#", "all", 0);
        trie.subscribe("+/monitor/Clients", "plus", 0);
        trie.subscribe("$SYS/#", "sys", 0);
        trie.subscribe("$SYS/monitor/+", "sysPlus", 0);
        assertThat(matched("$SYS/monitor/Clients")).containsOnlyKeys("sys", "sysPlus");
        assertThat(matched("$other")).isEmpty();
        assertThat(matched("x/monitor/Clients")).containsOnlyKeys("all", "plus");
    }

    @Test
    void unsubscribeRemovesOnlyThatFilterOfThatSubscriber() {
        trie.subscribe("a/+", "x", 1);
        trie.subscribe("a/b", "x", 1);
        trie.subscribe("a/+", "y", 1);
        assertThat(trie.unsubscribe("a/+", "x")).isTrue();
        assertThat(trie.unsubscribe("a/+", "x")).isFalse();
        assertThat(trie.unsubscribe("a/c", "x")).as("filters are compared as written, not matched").isFalse();
        assertThat(trie.unsubscribe("a/#/b", "x")).as("an invalid filter is simply absent").isFalse();
        assertThat(matched("a/b")).containsOnlyKeys("x", "y");
        assertThat(matched("a/c")).containsOnlyKeys("y");
        assertThat(trie.subscriptionCount()).isEqualTo(2);
    }

    @Test
    void unsubscribingEverythingPrunesTheTrieBackToNothing() {
        List<String> filters = List.of("a/b/c", "a/b/#", "a/+/c", "+/b/c", "#", "a", "a/b/c/d/e/f", "$SYS/#", "/", "//x");
        for (String filter : filters) {
            trie.subscribe(filter, "x", 0);
            trie.subscribe(filter, "y", 1);
        }
        assertThat(trie.nodeCount()).isGreaterThan(10);

        for (String filter : filters) {
            assertThat(trie.unsubscribe(filter, "y")).isTrue();
        }
        for (String filter : filters) {
            assertThat(trie.unsubscribe(filter, "x")).isTrue();
        }

        assertThat(trie.subscriptionCount()).isZero();
        assertThat(trie.nodeCount()).isZero();
        assertThat(matched("a/b/c")).isEmpty();
    }

    @Test
    void pruningKeepsNodesStillNeededByOtherFilters() {
        trie.subscribe("a/b/c", "x", 0);
        trie.subscribe("a/b", "y", 0);
        trie.unsubscribe("a/b/c", "x");
        assertThat(trie.nodeCount()).isEqualTo(2);
        assertThat(matched("a/b")).containsOnlyKeys("y");
    }

    @Test
    void manySiblingsMoveFromASmallChildTableToAMapAndBack() {
        int siblings = 3 * TrieNode.SMALL_LIMIT;
        for (int i = 0; i < siblings; i++) {
            trie.subscribe("room/" + i + "/t", "s" + i, 1);
        }
        for (int i = 0; i < siblings; i++) {
            assertThat(matched("room/" + i + "/t")).isEqualTo(Map.of("s" + i, 1));
        }
        for (int i = 0; i < siblings; i += 2) {
            trie.unsubscribe("room/" + i + "/t", "s" + i);
        }
        for (int i = 0; i < siblings; i++) {
            assertThat(matched("room/" + i + "/t")).hasSize(i % 2);
        }
        for (int i = 1; i < siblings; i += 2) {
            trie.unsubscribe("room/" + i + "/t", "s" + i);
        }
        assertThat(trie.nodeCount()).isZero();
        trie.subscribe("room/again/t", "x", 0);
        assertThat(matched("room/again/t")).containsOnlyKeys("x");
        assertThat(trie.nodeCount()).isEqualTo(3);
    }

    @Test
    void invalidFiltersAndQosAreRejected() {
        assertThatThrownBy(() -> trie.subscribe("a/#/b", "x", 0)).isInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> trie.subscribe("a", "x", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(trie.nodeCount()).isZero();
    }

    @Test
    void largeSubscriberSetsSurviveGrowingAndShrinking() {
        for (int i = 0; i < 1_000; i++) {
            trie.subscribe("big/topic", "s" + i, i % 3);
        }
        assertThat(matched("big/topic")).hasSize(1_000).containsEntry("s5", 2);
        for (int i = 0; i < 1_000; i += 2) {
            trie.unsubscribe("big/topic", "s" + i);
        }
        assertThat(matched("big/topic")).hasSize(500).doesNotContainKey("s4").containsEntry("s5", 2);
        for (int i = 1; i < 1_000; i += 2) {
            trie.unsubscribe("big/topic", "s" + i);
        }
        assertThat(trie.nodeCount()).isZero();
    }

    @Test
    void aVisitorMayRouteAgainOnTheSameThread() {
        trie.subscribe("a/+", "x", 1);
        trie.subscribe("a/b", "y", 2);
        trie.subscribe("will/#", "z", 0);
        var inner = new AtomicInteger();
        var outer = new HashMap<String, Integer>();
        trie.match("a/b", (subscriber, qos) -> {
            outer.put(subscriber, qos);
            trie.match("will/x", (s, q) -> inner.incrementAndGet());
        });
        assertThat(outer).isEqualTo(Map.of("x", 1, "y", 2));
        assertThat(inner).hasValue(2);
    }

    @Test
    void aThrowingVisitorDoesNotPoisonLaterMatches() {
        trie.subscribe("a/+", "x", 1);
        trie.subscribe("a/b", "y", 2);
        assertThatThrownBy(() -> trie.match("a/b", (s, q) -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(matched("a/b")).isEqualTo(Map.of("x", 1, "y", 2));
    }

    @Test
    void veryDeepTopicsDoNotOverflowTheStack() {
        String deep = "/".repeat(30_000);
        trie.subscribe(deep + "#", "x", 1);
        trie.subscribe("+" + "/+".repeat(30_000), "y", 0);
        assertThat(matched(deep)).isEqualTo(Map.of("x", 1, "y", 0));
        assertThat(trie.nodeCount()).isEqualTo(60_002);
        trie.unsubscribe(deep + "#", "x");
        trie.unsubscribe("+" + "/+".repeat(30_000), "y");
        assertThat(trie.nodeCount()).isZero();
    }
}
