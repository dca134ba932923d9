package dev.skeeter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    @ParameterizedTest(name = "{0}: {1} vs {2} -> {3}")
    @MethodSource("dev.skeeter.mqtt.SpecExamples#matching")
    void matcherFollowsTheSpecExamples(String reference, String filter, String topic, boolean expected) {
        assertThat(Topics.matches(filter, topic)).as(reference).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "a/b/c, a/b/c, true", "a/b/c, a/b, false", "a/b, a/b/c, false", "a/+/c, a/x/c, true",
        "a/+/c, a/x/y/c, false", "a/+, a/, true", "a/+, a, false", "a/#, a, true", "a/#, a/b/c, true",
        "a/#, ab, false", "#, a/b, true", "#, /, true", "a/b/, a/b, false", "a/b/, a/b/, true",
        "+/tennis/#, sport/tennis, true", "$SYS/+/uptime, $SYS/broker/uptime, true", "a/$b, a/$b, true",
        "+/$b, a/$b, true", "+, $, false", "$, $, true"
    })
    void matcherComparesWholeLevels(String filter, String topic, boolean expected) {
        assertThat(Topics.matches(filter, topic)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "sport/tennis/#", "+", "+/tennis/#", "sport/+/player1", "/", "//", "+/+", "/+",
        "$SYS/#", "a/+/+/#", "Accounts payable", "sport/tennis/player1", "é/ü/€/😀"})
    void validFiltersFromSection_4_7_1AreAccepted(String filter) {
        assertThatCode(() -> Topics.validateTopicFilter(filter)).doesNotThrowAnyException();
        assertThat(Topics.isValidTopicFilter(filter)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sport/tennis#", "sport/tennis/#/ranking", "#/", "##", "a/#b", "a/b#", "#/#"})
    void multiLevelWildcardMustBeAloneAndLast_MQTT_4_7_1_2(String filter) {
        assertThatThrownBy(() -> Topics.validateTopicFilter(filter))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("[MQTT-4.7.1-2]")
                .hasMessageContaining("last level")
                .hasMessageContaining(filter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sport+", "+sport", "a/++/b", "a/b+", "a/+b/c", "++"})
    void singleLevelWildcardMustOccupyAWholeLevel_MQTT_4_7_1_3(String filter) {
        assertThatThrownBy(() -> Topics.validateTopicFilter(filter))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("[MQTT-4.7.1-3]")
                .hasMessageContaining("whole level");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sport/+", "#", "sport/#", "a+b", "a#"})
    void topicNamesMustNotContainWildcards_MQTT_4_7_1_1(String name) {
        assertThatThrownBy(() -> Topics.validateTopicName(name))
                .isInstanceOf(InvalidTopicException.class)
                .hasMessageContaining("[MQTT-4.7.1-1]")
                .hasMessageContaining("wildcards");
        assertThat(Topics.isValidTopicName(name)).isFalse();
    }

    @Test
    void namesAndFiltersMustNotBeEmpty_MQTT_4_7_3_1() {
        assertThatThrownBy(() -> Topics.validateTopicName("")).hasMessageContaining("[MQTT-4.7.3-1]");
        assertThatThrownBy(() -> Topics.validateTopicFilter("")).hasMessageContaining("[MQTT-4.7.3-1]");
        assertThatThrownBy(() -> Topics.validateTopicName(null)).isInstanceOf(InvalidTopicException.class);
    }

    @Test
    void namesAndFiltersMustNotContainTheNullCharacter_MQTT_4_7_3_2() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidTopicException.class,
                () -> Topics.validateTopicName("a/\u0000/b"));
        assertThat(e.reason()).contains("U+0000").endsWith("[MQTT-4.7.3-2]");
        assertThat(e.reason()).startsWith("the topic name");
        assertThat(e.getMessage()).doesNotContain("\u0000");
        assertThatThrownBy(() -> Topics.validateTopicFilter("a/\u0000")).hasMessageContaining("[MQTT-4.7.3-2]");
    }

    @Test
    void namesAndFiltersAreLimitedTo65535Utf8Bytes_MQTT_4_7_3_3() {
        String ascii = "a".repeat(65_535);
        assertThat(Topics.isValidTopicName(ascii)).isTrue();
        assertThatThrownBy(() -> Topics.validateTopicName(ascii + "b")).hasMessageContaining("[MQTT-4.7.3-3]");
        // 21845 chars of 3 bytes = 65535 bytes: fine; one more 2-byte char crosses the limit.
        String threeByte = "€".repeat(21_845);
        assertThat(Topics.isValidTopicFilter(threeByte)).isTrue();
        assertThatThrownBy(() -> Topics.validateTopicFilter(threeByte + "é"))
                .hasMessageContaining("[MQTT-4.7.3-3]")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        String fourByte = "😀".repeat(16_384); // 65536 bytes in 32768 chars
        assertThatThrownBy(() -> Topics.validateTopicName(fourByte)).hasMessageContaining("65536");
    }

    @Test
    void unpairedSurrogatesAreNotWellFormedUtf8() {
        assertThatThrownBy(() -> Topics.validateTopicName("a/\uD800")).hasMessageContaining("[MQTT-1.5.3-1]");
        assertThatThrownBy(() -> Topics.validateTopicName("\uDC00b")).hasMessageContaining("[MQTT-1.5.3-1]");
    }

    @Test
    void sysTopicsAreTheDollarSysTree() {
        assertThat(Topics.isSysTopic("$SYS/broker/uptime")).isTrue();
        assertThat(Topics.isSysTopic("$SYS")).isTrue();
        assertThat(Topics.isSysTopic("$SYSTEM/x")).isFalse();
        assertThat(Topics.isSysTopic("a/$SYS/x")).isFalse();
        assertThat(Topics.isDollarTopic("$share/x")).isTrue();
        assertThat(Topics.isDollarTopic("x/$")).isFalse();
    }
}
