package dev.skeeter.broker.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetainedStoreTest {
    private final RetainedStore<String> store = new RetainedStore<>();

    private Map<String, String> matched(String filter) {
        var result = new HashMap<String, String>();
        store.match(filter, (topic, message) ->
                assertThat(result.put(topic, message)).as("%s returned twice", topic).isNull());
        return result;
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @MethodSource("dev.skeeter.mqtt.SpecExamples#matching")
    void retainedMatchingFollowsTheSpecExamples(String reference, String filter, String topic, boolean expected) {
        store.put(topic, "m");
        assertThat(matched(filter)).as(reference).isEqualTo(expected ? Map.of(topic, "m") : Map.of());
    }

    @Test
    void bytesFollowPutsReplacementsAndRemovals() {
        RetainedStore<String> sized = new RetainedStore<>(String::length);
        sized.put("a", "12345");
        sized.put("b", "123");
        assertThat(sized.bytes()).isEqualTo(8);
        sized.put("a", "1");
        assertThat(sized.bytes()).as("a replacement counts its own size only").isEqualTo(4);
        sized.remove("b");
        sized.remove("b");
        assertThat(sized.bytes()).isEqualTo(1);
    }

    @Test
    void putReplacesTheMessageOfATopic() {
        store.put("a/b", "first");
        store.put("a/b", "second");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.get("a/b")).isEqualTo("second");
        assertThat(matched("a/+")).isEqualTo(Map.of("a/b", "second"));
    }

    @Test
    void matchReturnsEveryMatchingTopicAndNothingElse() {
        List.of("a/b/c", "a/x/c", "a/b/d", "a", "a/b", "b/b/c", "a/b/c/d", "$SYS/a/b/c").forEach(t -> store.put(t, t));
        assertThat(matched("a/+/c")).containsOnlyKeys("a/b/c", "a/x/c");
        assertThat(matched("a/#")).containsOnlyKeys("a", "a/b", "a/b/c", "a/x/c", "a/b/d", "a/b/c/d");
        assertThat(matched("+/b/c")).containsOnlyKeys("a/b/c", "b/b/c");
        assertThat(matched("#")).hasSize(7).doesNotContainKey("$SYS/a/b/c");
        assertThat(matched("$SYS/#")).containsOnlyKeys("$SYS/a/b/c");
        assertThat(matched("a/b/c")).isEqualTo(Map.of("a/b/c", "a/b/c"));
        assertThat(matched("nothing/+")).isEmpty();
    }

    @Test
    void wildcardFiltersDoNotReturnDollarTopics_MQTT_4_7_2_1() {
        store.put("$SYS/broker/uptime", "1");
        store.put("$SYS", "2");
        store.put("normal", "3");
        assertThat(matched("#")).containsOnlyKeys("normal");
        assertThat(matched("+")).containsOnlyKeys("normal");
        assertThat(matched("+/broker/uptime")).isEmpty();
        assertThat(matched("$SYS/#")).containsOnlyKeys("$SYS", "$SYS/broker/uptime");
        assertThat(matched("$SYS/+/uptime")).containsOnlyKeys("$SYS/broker/uptime");
    }

    @Test
    void removeDeletesAndPrunesTheBranch() {
        store.put("a/b/c", "1");
        store.put("a/b", "2");
        store.put("x/y/z/w", "3");
        assertThat(store.remove("a/b/c")).isTrue();
        assertThat(store.remove("a/b/c")).isFalse();
        assertThat(store.remove("a")).as("an inner node without a message").isFalse();
        assertThat(store.nodeCount()).isEqualTo(2 + 4);
        assertThat(store.remove("a/b")).isTrue();
        assertThat(store.remove("x/y/z/w")).isTrue();
        assertThat(store.size()).isZero();
        assertThat(store.nodeCount()).isZero();
        assertThat(matched("#")).isEmpty();
        assertThat(store.get("a/b")).isNull();
    }

    @Test
    void manySiblingsAreFoundBeforeAndAfterTheirTableGrowsAndShrinks() {
        int siblings = 3 * TrieNode.SMALL_LIMIT;
        for (int i = 0; i < siblings; i++) {
            store.put("room/" + i + "/t", "m" + i);
        }
        assertThat(matched("room/+/t")).hasSize(siblings);
        assertThat(store.get("room/17/t")).isEqualTo("m17");
        for (int i = 0; i < siblings - 1; i++) {
            store.remove("room/" + i + "/t");
        }
        assertThat(matched("room/#")).isEqualTo(Map.of("room/" + (siblings - 1) + "/t", "m" + (siblings - 1)));
        store.remove("room/" + (siblings - 1) + "/t");
        assertThat(store.nodeCount()).isZero();
    }

    @Test
    void veryDeepTopicsDoNotOverflowTheStack() {
        String deep = "a/".repeat(30_000) + "z";
        store.put(deep, "deep");
        assertThat(matched("#")).containsOnlyKeys(deep);
        assertThat(matched("a/".repeat(30_000) + "+")).containsOnlyKeys(deep);
        assertThat(store.nodeCount()).isEqualTo(30_001);
        store.remove(deep);
        assertThat(store.nodeCount()).isZero();
    }
}
