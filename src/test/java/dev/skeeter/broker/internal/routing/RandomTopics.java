package dev.skeeter.broker.internal.routing;

import java.util.Random;

/** Random topic names and filters over a tiny alphabet, so that random pairs match often. Deterministic by seed. */
final class RandomTopics {
    private static final String[] LEVELS = {"a", "b", "c", "", "$s"};

    private final Random random;

    RandomTopics(long seed) {
        this.random = new Random(seed);
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
            topic.append(LEVELS[random.nextInt(LEVELS.length)]);
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
                filter.append(LEVELS[random.nextInt(LEVELS.length)]);
            }
        }
        return filter.isEmpty() ? "/" : filter.toString();
    }
}
