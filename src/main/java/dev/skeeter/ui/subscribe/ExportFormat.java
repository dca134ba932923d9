package dev.skeeter.ui.subscribe;

/** File formats the Subscribe pane exports messages in. */
public enum ExportFormat {
    JSON_LINES("JSON lines", "*.jsonl", "messages.jsonl"), CSV("CSV", "*.csv", "messages.csv");

    private final String label;
    private final String pattern;
    private final String defaultName;

    ExportFormat(String label, String pattern, String defaultName) {
        this.label = label;
        this.pattern = pattern;
        this.defaultName = defaultName;
    }

    public String pattern() {
        return pattern;
    }

    public String defaultName() {
        return defaultName;
    }

    @Override
    public String toString() {
        return label;
    }
}
