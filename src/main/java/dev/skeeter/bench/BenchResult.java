package dev.skeeter.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one run. Counts cover messages sent inside the measured window; {@code received} counts distinct
 * deliveries (in fan-out one per subscriber), {@code expected} what a lossless broker would have delivered, and
 * {@code msgPerSec} deliveries that arrived inside the measured window, per second. Latencies are in
 * microseconds (the summary for people shows milliseconds past 10 ms). CPU use covers the measured window in
 * percent of one core (NaN when unknown: the broker's only when its local process id was given, and only on
 * Linux).
 */
public record BenchResult(Scenario scenario, int qos, int publishers, int subscribers, int payloadBytes,
                          double seconds, long sent, long expected, long received, long outOfOrder, long duplicates,
                          double msgPerSec, double sentPerSec, double p50Us, double p99Us, double p999Us,
                          double maxUs, double brokerCpuPercent, double benchCpuPercent, List<String> errors) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BenchResult {
        errors = List.copyOf(errors);
    }

    /** Expected deliveries that never arrived (within the drain timeout). */
    public long lost() {
        return Math.max(0, expected - received);
    }

    /** True when deliveries were expected and not one arrived: the run measured nothing. */
    public boolean lostEverything() {
        return expected > 0 && received == 0;
    }

    /** The one-line JSON form; its field names are what scripts rely on. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario.cliName());
        json.put("qos", qos);
        json.put("publishers", publishers);
        json.put("subscribers", subscribers);
        json.put("payloadBytes", payloadBytes);
        json.put("seconds", round(seconds));
        json.put("sent", sent);
        json.put("expected", expected);
        json.put("received", received);
        json.put("lost", lost());
        json.put("outOfOrder", outOfOrder);
        json.put("duplicates", duplicates);
        json.put("msgPerSec", round(msgPerSec));
        json.put("sentPerSec", round(sentPerSec));
        json.put("p50Us", round(p50Us));
        json.put("p99Us", round(p99Us));
        json.put("p999Us", round(p999Us));
        json.put("maxUs", round(maxUs));
        json.put("brokerCpuPercent", Double.isNaN(brokerCpuPercent) ? null : round(brokerCpuPercent));
        json.put("benchCpuPercent", Double.isNaN(benchCpuPercent) ? null : round(benchCpuPercent));
        json.put("errors", errors);
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen for plain values", e);
        }
    }

    /** A few lines for people. */
    public String toSummary() {
        String clients = switch (scenario) {
            case ROUND_TRIP -> publishers + " requester(s) -> 1 responder";
            default -> publishers + " publisher(s) -> " + subscribers + " subscriber(s)";
        };
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "skeeter bench: %s, QoS %d, %s, %d-byte payloads, %.1f s measured%n",
                scenario.cliName(), qos, clients, payloadBytes, seconds));
        out.append(String.format(Locale.ROOT, "  sent      %,12d  (%,.0f msg/s)%n", sent, sentPerSec));
        out.append(String.format(Locale.ROOT, "  received  %,12d  (%,.0f msg/s in the window), expected %,d%n",
                received, msgPerSec, expected));
        out.append(String.format(Locale.ROOT, "  lost %,d, out of order %,d, duplicates %,d%n",
                lost(), outOfOrder, duplicates));
        out.append(String.format(Locale.ROOT, "  latency   p50 %s, p99 %s, p99.9 %s, max %s%n",
                latency(p50Us), latency(p99Us), latency(p999Us), latency(maxUs)));
        if (!Double.isNaN(brokerCpuPercent) || !Double.isNaN(benchCpuPercent)) {
            out.append(String.format(Locale.ROOT, "  cpu       broker %s, bench %s (100%% = one core)%n",
                    percent(brokerCpuPercent), percent(benchCpuPercent)));
        }
        for (String error : errors) {
            out.append("  error: ").append(error).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Microseconds up to 10 ms, milliseconds past that: "850.2 us", "1,234.5 ms". */
    static String latency(double micros) {
        return micros < 10_000 ? String.format(Locale.ROOT, "%,.1f us", micros)
                : String.format(Locale.ROOT, "%,.1f ms", micros / 1000);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "unknown" : String.format(Locale.ROOT, "%.0f%%", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
