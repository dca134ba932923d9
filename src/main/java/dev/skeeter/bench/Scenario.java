package dev.skeeter.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The traffic shapes {@code skeeter bench} can drive; each knows its default client counts. */
public enum Scenario {
    /** Several publishers, each on its own topic; subscribers on a single-level wildcard receive everything. */
    FAN_IN("fan-in", 4, 1),
    /** Publishers on one topic, every subscriber receives every message. */
    FAN_OUT("fan-out", 1, 10),
    /** Requesters publish at a set rate; one responder echoes each request to the requester's reply topic. */
    ROUND_TRIP("round-trip", 1, 1);

    private final String cliName;
    private final int defaultPublishers;
    private final int defaultSubscribers;

    Scenario(String cliName, int defaultPublishers, int defaultSubscribers) {
        this.cliName = cliName;
        this.defaultPublishers = defaultPublishers;
        this.defaultSubscribers = defaultSubscribers;
    }

    public String cliName() {
        return cliName;
    }

    public int defaultPublishers() {
        return defaultPublishers;
    }

    public int defaultSubscribers() {
        return defaultSubscribers;
    }

    /** Accepts the command-line spelling ({@code fan-in}) as well as the constant name. */
    public static Scenario parse(String text) {
        for (Scenario scenario : values()) {
            if (scenario.cliName.equalsIgnoreCase(text) || scenario.name().equalsIgnoreCase(text)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + text + "', expected one of "
                + Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
