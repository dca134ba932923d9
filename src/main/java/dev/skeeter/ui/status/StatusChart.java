package dev.skeeter.ui.status;

import java.util.List;

/** The standard charts of the Broker Status tab and the metrics each draws. */
public enum StatusChart {
    MESSAGES("Messages per second (all packets)", List.of(Metric.MESSAGES_RECEIVED, Metric.MESSAGES_SENT)),
    PUBLISH("PUBLISH per second",
            List.of(Metric.PUBLISH_RECEIVED, Metric.PUBLISH_SENT, Metric.PUBLISH_DROPPED)),
    BYTES("Bytes per second", List.of(Metric.BYTES_RECEIVED, Metric.BYTES_SENT)),
    CLIENTS("Clients connected", List.of(Metric.CLIENTS_CONNECTED));

    private final String title;
    private final List<Metric> metrics;

    StatusChart(String title, List<Metric> metrics) {
        this.title = title;
        this.metrics = metrics;
    }

    public String title() {
        return title;
    }

    public List<Metric> metrics() {
        return metrics;
    }
}
