package dev.skeeter.ui.status;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A time chart drawn on one canvas: each line is decimated to the plot's width in pixels before it is drawn, so an
 * hour of points costs the same as five minutes, and no node is created per point (JavaFX's LineChart creates and
 * lays out one per point: see docs/architecture.md for the measurement). Colours come from the stylesheet through
 * hidden swatches, so the theme changes them. FX thread only.
 */
public final class TimeChart extends Region {
    private static final int SERIES_COLOURS = 6;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final double LEFT = 48;
    private static final double RIGHT = 8;
    private static final double TOP = 22;
    private static final double BOTTOM = 18;

    private final Canvas canvas = new Canvas();
    private final Label axisSwatch = swatch("axis");
    private final Label gridSwatch = swatch("grid");
    private final Label[] seriesSwatches = new Label[SERIES_COLOURS];
    private final String title;
    private final Supplier<List<ChartLine>> lines;
    private long from;
    private long to = 1;

    public TimeChart(String title, Supplier<List<ChartLine>> lines) {
        this.title = title;
        this.lines = lines;
        getStyleClass().add("time-chart");
        getChildren().addAll(canvas, axisSwatch, gridSwatch);
        for (int i = 0; i < SERIES_COLOURS; i++) {
            seriesSwatches[i] = swatch("s" + i);
            getChildren().add(seriesSwatches[i]);
        }
        setMinSize(160, 110);
        setPrefSize(400, 180);
    }

    private static Label swatch(String styleClass) {
        Label l = new Label();
        l.getStyleClass().addAll("chart-swatch", styleClass);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    public String title() {
        return title;
    }

    /** Shows the time from {@code fromMillis} to {@code toMillis} (epoch) and draws again. */
    public void show(long fromMillis, long toMillis) {
        from = fromMillis;
        to = Math.max(fromMillis + 1, toMillis);
        draw();
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private Color colour(Label swatch, Color fallback) {
        Paint p = swatch.getTextFill();
        return p instanceof Color c ? c : fallback;
    }

    /** Draws the chart again from the lines' current points. */
    public void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 60 || h < 50) {
            return;
        }
        Color axis = colour(axisSwatch, Color.GRAY);
        Color grid = colour(gridSwatch, Color.LIGHTGRAY);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        List<ChartLine> shown = lines.get();
        TimeSeries.Points[] points = new TimeSeries.Points[shown.size()];
        double max = 0;
        for (int i = 0; i < points.length; i++) {
            points[i] = shown.get(i).series().decimate(from, to, (int) Math.max(1, plotW));
            for (double v : points[i].values()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setLineWidth(1);
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            g.setStroke(grid);
            g.strokeLine(LEFT, snap(y), LEFT + plotW, snap(y));
            g.setFill(axis);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(HumanFormat.compact(top * i / 4), LEFT - 4, y);
        }
        long step = tickStep(to - from);
        g.setTextAlign(TextAlignment.CENTER);
        for (long t = (from / step + 1) * step; t < to; t += step) {
            double x = LEFT + plotW * (t - from) / (to - from);
            g.setStroke(grid);
            g.strokeLine(snap(x), TOP, snap(x), TOP + plotH);
            g.setFill(axis);
            g.fillText(CLOCK.format(Instant.ofEpochMilli(t)), x, TOP + plotH + BOTTOM / 2 + 1);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.setFill(axis);
        g.fillText(title, LEFT, TOP / 2);
        double legendX = LEFT + textWidth(title, 12) + 14;
        g.setFont(Font.font(11));
        g.save();
        g.beginPath();
        g.rect(LEFT, TOP, plotW, plotH);
        g.clip();
        g.setLineWidth(1.6);
        for (int i = 0; i < points.length; i++) {
            g.setStroke(colour(seriesSwatches[i % SERIES_COLOURS], Color.STEELBLUE));
            strokeLine(g, points[i], plotW, plotH, top);
        }
        g.restore();
        for (int i = 0; i < points.length; i++) {
            Color c = colour(seriesSwatches[i % SERIES_COLOURS], Color.STEELBLUE);
            String text = shown.get(i).label() + " " + HumanFormat.compact(shown.get(i).series().last());
            if (legendX + textWidth(text, 11) + 14 > w) {
                break; // the legend gives way before the plot does
            }
            g.setFill(c);
            g.fillRect(legendX, TOP / 2 - 4, 8, 8);
            g.setFill(axis);
            g.fillText(text, legendX + 11, TOP / 2);
            legendX += textWidth(text, 11) + 24;
        }
        if (points.length == 0 || java.util.Arrays.stream(points).allMatch(p -> p.size() == 0)) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No points yet in this window", LEFT + plotW / 2, TOP + plotH / 2);
        }
    }

    private void strokeLine(GraphicsContext g, TimeSeries.Points p, double plotW, double plotH, double top) {
        boolean open = false;
        for (int j = 0; j < p.size(); j++) {
            double v = p.values()[j];
            if (Double.isNaN(v)) {
                if (open) {
                    g.stroke();
                    open = false;
                }
                continue;
            }
            double x = LEFT + plotW * (p.times()[j] - from) / (to - from);
            double y = TOP + plotH - plotH * v / top;
            if (!open) {
                g.beginPath();
                g.moveTo(x, y);
                open = true;
            } else {
                g.lineTo(x, y);
            }
        }
        if (open) {
            g.stroke();
        }
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    private static double textWidth(String text, double size) {
        return text.length() * size * 0.55; // close enough for spacing the legend without a Text node per frame
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v} (and at least 1, so an idle broker has an axis). */
    static double niceCeiling(double v) {
        if (!(v > 1)) {
            return 1;
        }
        double base = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * base >= v) {
                return m * base;
            }
        }
        return 10 * base;
    }

    /** A tick every minute for 5 minutes, every 5 for 15 minutes, every 10 for an hour. */
    static long tickStep(long spanMillis) {
        long minute = 60_000;
        return spanMillis <= 6 * minute ? minute : spanMillis <= 20 * minute ? 5 * minute : 10 * minute;
    }
}
