package dev.skeeter.broker.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SubscribersTest {
    private static Map<Object, Integer> contents(Object set) {
        var result = new HashMap<Object, Integer>();
        Subscribers.forEach(set, (subscriber, qos) -> result.put(subscriber, qos));
        assertThat(Subscribers.size(set)).isEqualTo(result.size());
        return result;
    }

    @Test
    void aSetChangesShapeAsItGrowsAndShrinksWithoutLosingAnyone() {
        Object set = null;
        var expected = new HashMap<Object, Integer>();
        int largest = 2 * Subscribers.SMALL_LIMIT;
        for (int i = 0; i < largest; i++) {
            set = Subscribers.with(set, "s" + i, i % 3);
            expected.put("s" + i, i % 3);
            assertThat(contents(set)).isEqualTo(expected);
            if (i == 0) {
                assertThat(set).isInstanceOf(Subscribers.One.class);
            } else if (i < Subscribers.SMALL_LIMIT) {
                assertThat(set).isInstanceOf(Subscribers.Small.class);
            } else {
                assertThat(set).isInstanceOf(ConcurrentHashMap.class);
            }
        }
        for (int i = largest - 1; i >= 0; i--) {
            assertThat(Subscribers.qosOf(set, "s" + i)).isEqualTo(i % 3);
            set = Subscribers.without(set, "s" + i);
            expected.remove("s" + i);
            assertThat(Subscribers.qosOf(set, "s" + i)).isEqualTo(-1);
            assertThat(set == null ? Map.of() : contents(set)).isEqualTo(expected);
        }
        assertThat(set).isNull();
    }

    @Test
    void replacingAQosKeepsTheShapeAndChangesOnlyThatEntry() {
        Object one = Subscribers.with(null, "a", 0);
        assertThat(contents(Subscribers.with(one, "a", 2))).isEqualTo(Map.of("a", 2));
        Object small = Subscribers.with(Subscribers.with(one, "b", 1), "c", 1);
        assertThat(contents(Subscribers.with(small, "b", 2))).isEqualTo(Map.of("a", 0, "b", 2, "c", 1));
        assertThat(contents(small)).as("the published set is never modified").isEqualTo(Map.of("a", 0, "b", 1, "c", 1));
        assertThat(Subscribers.without(small, "nobody")).isSameAs(small);
        assertThat(contents(Subscribers.without(Subscribers.without(small, "a"), "c"))).isEqualTo(Map.of("b", 1));
    }
}
