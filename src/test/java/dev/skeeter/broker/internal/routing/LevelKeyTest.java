package dev.skeeter.broker.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class LevelKeyTest {
    @Test
    void aLevelKeyHashesAndComparesLikeTheSubstringItStandsFor() {
        String topic = "sport/tennis/€uro/";
        var key = new LevelKey();
        for (String level : new String[] {"sport", "tennis", "€uro", ""}) {
            int start = level.isEmpty() ? topic.length() : topic.indexOf(level);
            key.of(topic, start, start + level.length());
            assertThat(key.hashCode()).isEqualTo(level.hashCode());
            assertThat(key.equals(level)).isTrue();
            assertThat(key).hasToString(level);
        }
        key.of(topic, 0, 5);
        assertThat(key.equals("sporT")).isFalse();
        assertThat(key.equals("sport/")).isFalse();
        assertThat(key.equals((Object) 5)).isFalse();
    }

    @Test
    void aConcurrentHashMapFindsStringKeysThroughALevelKey() {
        var map = new ConcurrentHashMap<String, Integer>();
        for (int i = 0; i < 10_000; i++) {
            map.put("level" + i, i);
        }
        // Same hash, different text: both must be found, through collision chains and tree bins alike.
        map.put("Aa", -1);
        map.put("BB", -2);
        var key = new LevelKey();
        String topic = "x/level1234/Aa/BB/missing";
        assertThat(map.get(key.of(topic, 2, 11))).isEqualTo(1234);
        assertThat(map.get(key.of(topic, 12, 14))).isEqualTo(-1);
        assertThat(map.get(key.of(topic, 15, 17))).isEqualTo(-2);
        assertThat(map.get(key.of(topic, 18, 25))).isNull();

        // 64 strings with one hash code: the map turns that bin into a tree ordered by compareTo, which a LevelKey
        // (not Comparable) cannot use, so the lookup must still find every one of them.
        var colliding = new java.util.ArrayList<String>();
        for (int bits = 0; bits < 64; bits++) {
            var s = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                s.append((bits >> i & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(s.toString());
            map.put(s.toString(), 100 + bits);
        }
        for (int bits = 0; bits < 64; bits++) {
            String level = colliding.get(bits);
            String path = "t/" + level + "/u";
            assertThat(map.get(key.of(path, 2, 2 + level.length()))).isEqualTo(100 + bits);
        }
    }
}
