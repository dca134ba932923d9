package dev.skeeter.ui.common;

import dev.skeeter.mqtt.Topics;
import java.util.Optional;

/** MQTT's topic rules ({@link Topics}) worded for a form: the broken rule as a sentence. Stateless. */
public final class TopicProblems {
    private TopicProblems() {
    }

    /** Why {@code topic} cannot be published to (e.g. it has wildcards), or empty when it can. */
    public static Optional<String> ofTopicName(String topic) {
        return Topics.topicNameProblem(topic == null ? "" : topic).map(TopicProblems::sentence);
    }

    /** Why {@code filter} is not a valid subscription filter, or empty when it is. */
    public static Optional<String> ofFilter(String filter) {
        return Topics.topicFilterProblem(filter == null ? "" : filter).map(TopicProblems::sentence);
    }

    private static String sentence(String reason) {
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
