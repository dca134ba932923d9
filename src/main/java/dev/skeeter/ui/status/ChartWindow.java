package dev.skeeter.ui.status;

/** The time span the charts show. */
public enum ChartWindow {
    FIVE_MINUTES("5 min", 5), FIFTEEN_MINUTES("15 min", 15), HOUR("1 h", 60);

    private final String label;
    private final long millis;

    ChartWindow(String label, int minutes) {
        this.label = label;
        this.millis = minutes * 60_000L;
    }

    public long millis() {
        return millis;
    }

    @Override
    public String toString() {
        return label;
    }
}
