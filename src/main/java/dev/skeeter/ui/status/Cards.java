package dev.skeeter.ui.status;

/**
 * The summary cards' texts for one node: what a person reads at a glance. "–" where the broker publishes no such
 * value (EMQX has no heap figure, HiveMQ's plugin no stored-message count). Immutable.
 */
public record Cards(String version, String uptime, String clients, String subscriptions, String retained,
        String stored, String heap) {
    public static final Cards NONE = new Cards("–", "–", "–", "–", "–", "–", "–");

    public static Cards of(NodeStatus node) {
        if (node == null) {
            return NONE;
        }
        String version = node.text(Metric.VERSION);
        return new Cards(version == null ? "–" : version,
                HumanFormat.duration(node.number(Metric.UPTIME)),
                HumanFormat.count(node.number(Metric.CLIENTS_CONNECTED)) + " / "
                        + HumanFormat.count(node.number(Metric.CLIENTS_MAXIMUM)) + " / "
                        + HumanFormat.count(node.number(Metric.CLIENTS_TOTAL)),
                HumanFormat.count(node.number(Metric.SUBSCRIPTIONS)),
                HumanFormat.count(node.number(Metric.RETAINED)),
                HumanFormat.count(node.number(Metric.STORED)),
                HumanFormat.bytes(node.number(Metric.HEAP)));
    }
}
