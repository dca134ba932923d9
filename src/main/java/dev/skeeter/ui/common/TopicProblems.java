package dev.skeeter.ui.common;

import dev.skeeter.client.TopicFilters;
import java.util.Optional;

/** The client core's topic rules worded for a form: a sentence starting with a capital. Stateless. */
public final class TopicProblems {
    private TopicProblems() {
    }

    /** Why {@code topic} cannot be published to (e.g. it has wildcards), or empty when it can. */
    public static Optional<String> ofTopicName(String topic) {
        return sentence(TopicFilters.topicNameProblem(topic == null ? "" : topic));
    }

    /** Why {@code filter} is not a valid subscription filter, or empty when it is. */
    public static Optional<String> ofFilter(String filter) {
        return sentence(TopicFilters.filterProblem(filter == null ? "" : filter));
    }

    private static Optional<String> sentence(String problem) {
        if (problem == null || problem.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Character.toUpperCase(problem.charAt(0)) + problem.substring(1));
    }
}
