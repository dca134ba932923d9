package dev.skeeter.mqtt;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The matching examples of MQTT 3.1.1 section 4.7, verbatim, shared by the tests of every matcher. */
public final class SpecExamples {
    private SpecExamples() {
    }

    /** (spec reference, filter, topic name, expected match). */
    public static Stream<Arguments> matching() {
        return Stream.of(
                // 4.7.1.2 Multi-level wildcard
                Arguments.of("4.7.1.2", "sport/tennis/player1/#", "sport/tennis/player1", true),
                Arguments.of("4.7.1.2", "sport/tennis/player1/#", "sport/tennis/player1/ranking", true),
                Arguments.of("4.7.1.2", "sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true),
                Arguments.of("4.7.1.2 '#' includes the parent level", "sport/#", "sport", true),
                Arguments.of("4.7.1.2 '#' receives every message", "#", "sport/tennis/player1", true),
                Arguments.of("4.7.1.2", "sport/tennis/#", "sport/tennis/player2", true),
                // 4.7.1.3 Single level wildcard
                Arguments.of("4.7.1.3", "sport/tennis/+", "sport/tennis/player1", true),
                Arguments.of("4.7.1.3", "sport/tennis/+", "sport/tennis/player2", true),
                Arguments.of("4.7.1.3", "sport/tennis/+", "sport/tennis/player1/ranking", false),
                Arguments.of("4.7.1.3", "sport/+", "sport", false),
                Arguments.of("4.7.1.3", "sport/+", "sport/", true),
                Arguments.of("4.7.1.3", "+/+", "/finance", true),
                Arguments.of("4.7.1.3", "/+", "/finance", true),
                Arguments.of("4.7.1.3", "+", "/finance", false),
                Arguments.of("4.7.1.3", "sport/+/player1", "sport/tennis/player1", true),
                Arguments.of("4.7.1.3", "+/tennis/#", "sport/tennis/player1/ranking", true),
                // 4.7.2 Topics beginning with $ [MQTT-4.7.2-1]
                Arguments.of("[MQTT-4.7.2-1]", "#", "$SYS/broker/uptime", false),
                Arguments.of("[MQTT-4.7.2-1]", "+/monitor/Clients", "$SYS/monitor/Clients", false),
                Arguments.of("[MQTT-4.7.2-1]", "$SYS/#", "$SYS/monitor/Clients", true),
                Arguments.of("[MQTT-4.7.2-1]", "$SYS/monitor/+", "$SYS/monitor/Clients", true),
                Arguments.of("[MQTT-4.7.2-1] '+/#' neither", "+/#", "$SYS/monitor/Clients", false),
                Arguments.of("[MQTT-4.7.2-1] only the first level", "$SYS/+/#", "$SYS/monitor/Clients", true),
                Arguments.of("[MQTT-4.7.2-1] '$' inside a level is ordinary", "+/#", "a/$b", true),
                // 4.7.3 Topic semantic and usage [MQTT-4.7.3-4]: no normalisation
                Arguments.of("[MQTT-4.7.3-4] case matters", "ACCOUNTS", "Accounts", false),
                Arguments.of("[MQTT-4.7.3-4]", "Accounts payable", "Accounts payable", true),
                Arguments.of("[MQTT-4.7.3-4] leading '/' makes a level", "/finance", "finance", false),
                Arguments.of("[MQTT-4.7.3-4] leading '/' makes a level", "finance", "/finance", false),
                Arguments.of("[MQTT-4.7.3-4] no trimming", "a/b ", "a/b", false),
                Arguments.of("empty levels are levels", "a//b", "a//b", true),
                Arguments.of("empty levels are levels", "a/+/b", "a//b", true),
                Arguments.of("'#' matches an empty last level", "a/#", "a/", true),
                Arguments.of("'+' then '#' matches the parent", "+/#", "a", true),
                Arguments.of("longer topic", "a/b", "a/b/c", false),
                Arguments.of("shorter topic", "a/b/c", "a/b", false));
    }
}
