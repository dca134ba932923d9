package dev.skeeter.ui.status;

/** What the cards and charts show, whatever the broker calls it. Counters are charted as rates per second. */
public enum Metric {
    VERSION("Version", Kind.TEXT),
    UPTIME("Uptime", Kind.GAUGE),
    CLIENTS_CONNECTED("Clients connected", Kind.GAUGE),
    CLIENTS_MAXIMUM("Clients maximum", Kind.GAUGE),
    CLIENTS_TOTAL("Clients total", Kind.GAUGE),
    SUBSCRIPTIONS("Subscriptions", Kind.GAUGE),
    RETAINED("Retained messages", Kind.GAUGE),
    STORED("Stored messages", Kind.GAUGE),
    HEAP("Heap", Kind.GAUGE),
    MESSAGES_RECEIVED("Messages received/s", Kind.COUNTER),
    MESSAGES_SENT("Messages sent/s", Kind.COUNTER),
    PUBLISH_RECEIVED("PUBLISH received/s", Kind.COUNTER),
    PUBLISH_SENT("PUBLISH sent/s", Kind.COUNTER),
    PUBLISH_DROPPED("PUBLISH dropped/s", Kind.COUNTER),
    BYTES_RECEIVED("Bytes received/s", Kind.COUNTER),
    BYTES_SENT("Bytes sent/s", Kind.COUNTER);

    /** TEXT is shown as it came; GAUGE is a level; COUNTER only grows and is charted as its rate. */
    public enum Kind { TEXT, GAUGE, COUNTER }

    private final String label;
    private final Kind kind;

    Metric(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }
}
