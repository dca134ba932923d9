package dev.skeeter.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skeeter.testsupport.MosquittoBroker;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short runs of every scenario and QoS against a real mosquitto 2: the flows complete and the accounting adds up. */
class BenchAgainstMosquittoTest {
    private static MosquittoBroker mosquitto;

    @BeforeAll
    static void startMosquitto() throws Exception {
        // A large queue so that mosquitto never drops QoS 1/2 messages it has acknowledged.
        mosquitto = MosquittoBroker.start("max_queued_messages 1000000", "max_inflight_messages 20",
                "set_tcp_nodelay true");
    }

    @AfterAll
    static void stopMosquitto() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @ParameterizedTest(name = "{0} at QoS {1}")
    @CsvSource({
        "fan-in, 0, 0", "fan-in, 1, 0", "fan-in, 2, 0",
        "fan-out, 0, 5000", "fan-out, 1, 5000", "fan-out, 2, 2000",
        "round-trip, 0, 1000", "round-trip, 1, 1000", "round-trip, 2, 1000"})
    void everyPublishedMessageIsAccountedFor(String scenario, int qos, double rate) throws Exception {
        BenchConfig config = BenchConfig.builder()
                .host("127.0.0.1").port(mosquitto.port())
                .scenario(Scenario.parse(scenario)).qos(qos)
                .subscribers(scenario.equals("fan-out") ? 3 : null)
                .rate(rate)
                .warmup(Duration.ofMillis(200)).duration(Duration.ofSeconds(1)).drainTimeout(Duration.ofSeconds(5))
                .build();

        BenchResult result = Bench.run(config);

        assertThat(result.errors()).isEmpty();
        assertThat(result.sent()).isPositive();
        assertThat(result.expected()).isEqualTo(result.sent() * (scenario.equals("fan-out") ? 3 : 1));
        assertThat(result.received()).isPositive().isLessThanOrEqualTo(result.expected());
        if (rate > 0) {
            // Unthrottled at QoS 0 the broker's backlog may hold everything past the window on a slow machine.
            assertThat(result.msgPerSec()).isPositive();
        }
        assertThat(result.p50Us()).isPositive().isLessThanOrEqualTo(result.p99Us());
        assertThat(result.p99Us()).isLessThanOrEqualTo(result.maxUs());
        if (qos > 0) {
            assertThat(result.lost()).isZero();
            assertThat(result.received()).isEqualTo(result.expected());
            // One topic per publisher: MQTT keeps QoS 1/2 order per topic [MQTT-4.6.0-6].
            assertThat(result.outOfOrder()).isZero();
        }
        if (qos == 2) {
            assertThat(result.duplicates()).isZero();
        }
        JsonNode json = new ObjectMapper().readTree(result.toJson());
        assertThat(json.get("scenario").asText()).isEqualTo(scenario);
        assertThat(json.get("qos").asInt()).isEqualTo(qos);
        assertThat(json.get("sent").asLong()).isEqualTo(result.sent());
        assertThat(json.get("received").asLong()).isEqualTo(result.received());
        assertThat(json.get("lost").asLong()).isEqualTo(result.lost());
        assertThat(json.has("outOfOrder")).isTrue();
        assertThat(json.has("duplicates")).isTrue();
        assertThat(json.get("msgPerSec").asDouble()).isEqualTo(result.msgPerSec(), within(0.1));
        assertThat(json.get("p999Us").asDouble()).isGreaterThanOrEqualTo(json.get("p99Us").asDouble());
    }
}
