package dev.skeeter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFiltersTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "a/b/c, a/b/c, true",
            "a/b/c, a/b, false",
            "a/b, a/b/c, false",
            "a/+/c, a/x/c, true",
            "a/+/c, a/x/y/c, false",
            "a/+, a/, true",
            "a/+, a, false",
            "+/+, /finance, true",
            "/+, /finance, true",
            "+, /finance, false",
            "a/#, a, true",
            "a/#, a/b/c, true",
            "a/#, ab, false",
            "#, a/b, true",
            "#, /, true",
            "a/b/, a/b, false",
            "a/b/, a/b/, true",
            "sport/tennis/+, sport/tennis/player1, true",
            "sport/tennis/+, sport/tennis/player1/ranking, false",
            "+/tennis/#, sport/tennis, true",
            // [MQTT-4.7.2-1] wildcards at the first level do not match '$' topics
            "#, $SYS/broker/uptime, false",
            "+/broker/uptime, $SYS/broker/uptime, false",
            "$SYS/#, $SYS/broker/uptime, true",
            "$SYS/+/uptime, $SYS/broker/uptime, true",
            "a/$b, a/$b, true",
            "+/$b, a/$b, true"
    })
    void matchesFollowsTheSpec(String filter, String topic, boolean expected) {
        assertThat(TopicFilters.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+", "a/#", "a/+/b", "+/+", "/", "a//b", "$SYS/#", "a b/ü"})
    void validFiltersPass(String filter) {
        assertThat(TopicFilters.filterProblem(filter)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/#/b", "a#", "a/b#", "a+", "a/+b", "#/", "", "a\u0000b"})
    void invalidFiltersAreExplained(String filter) {
        assertThat(TopicFilters.filterProblem(filter)).isNotBlank();
        assertThatThrownBy(() -> TopicFilters.validateFilter(filter)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/+", "#", "a/#", ""})
    void topicNamesRejectWildcardsAndEmptiness(String name) {
        assertThat(TopicFilters.topicNameProblem(name)).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "/", "a/b/c", "$SYS/x", "a b"})
    void plainTopicNamesPass(String name) {
        assertThat(TopicFilters.topicNameProblem(name)).isNull();
    }

    @org.junit.jupiter.api.Test
    void overlongNamesAreRejected() {
        assertThat(TopicFilters.topicNameProblem("x".repeat(65_536))).contains("65535");
    }
}
