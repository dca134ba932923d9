package dev.skeeter.broker.internal.routing;

import java.util.Random;

/** Random topic names and filters over a tiny alphabet, so that random pairs match often. Deterministic by seed. */
final class RandomTopics {
    private static final String[] BASE_LEVELS = {"a", "b", "c", "", "$s"};

    private final Random random;
    private final String[] levels;

    RandomTopics(long seed) {
        this(seed, 0);
    }

    /** With {@code extraLevels} more level names, so that nodes get more children than a small table holds. */
    RandomTopics(long seed, int extraLevels) {
        this.random = new Random(seed);
        this.levels = java.util.Arrays.copyOf(BASE_LEVELS, BASE_LEVELS.length + extraLevels);
        for (int i = 0; i < extraLevels; i++) {
            levels[BASE_LEVELS.length + i] = "x" + i;
        }
    }

    Random random() {
        return random;
    }

    String topicName() {
        int depth = 1 + random.nextInt(5);
        var topic = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                topic.append('/');
            }
            topic.append(levels[random.nextInt(levels.length)]);
        }
        // A single empty level would be the empty string, which is no topic at all [MQTT-4.7.3-1].
        return topic.isEmpty() ? "/" : topic.toString();
    }

    String topicFilter() {
        int depth = 1 + random.nextInt(5);
        var filter = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                filter.append('/');
            }
            int pick = random.nextInt(10);
            if (pick == 0 && i == depth - 1) {
                filter.append('#');
            } else if (pick <= 2) {
                filter.append('+');
            } else {
                filter.append(levels[random.nextInt(levels.length)]);
            }
        }
        return filter.isEmpty() ? "/" : filter.toString();
    }
}
