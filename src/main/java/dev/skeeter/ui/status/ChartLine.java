package dev.skeeter.ui.status;

/** One line of a chart: its legend text and its points. */
public record ChartLine(String label, TimeSeries series) {
}
