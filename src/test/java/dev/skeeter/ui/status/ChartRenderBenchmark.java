package dev.skeeter.ui.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * What one redraw of an hour of a dozen series costs the FX thread: our canvas {@link TimeChart} (decimated to the
 * plot's width) against JavaFX's LineChart fed the same decimated points. Each redraw is a data update, CSS and
 * layout (the FX thread's share), then a synchronous render (a snapshot; in the app the render thread's share). Not a test;
 * run by hand: {@code app/bench/charts.sh}.
 */
public final class ChartRenderBenchmark {
    private static final int SERIES = 12;
    private static final int POINTS = 3_600;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 300;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("charts.rounds", 40);
        List<TimeSeries> data = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int s = 0; s < SERIES; s++) {
            TimeSeries series = new TimeSeries(4_000);
            for (int i = 0; i < POINTS; i++) {
                series.add(now - (POINTS - i) * 1000L, 100 + 50 * Math.sin(i / 40.0 + s) + (i * 7919 % 13));
            }
            data.add(series);
        }
        Platform.startup(() -> { });
        long from = now - POINTS * 1000L;
        TimeChart canvas = new TimeChart("Canvas", () -> {
            List<ChartLine> lines = new ArrayList<>();
            for (int s = 0; s < SERIES; s++) {
                lines.add(new ChartLine("s" + s, data.get(s)));
            }
            return lines;
        });
        report("TimeChart (canvas, decimated)", rounds, canvas, () -> canvas.show(from, now));
        LineChart<Number, Number> decimated = lineChart();
        report("LineChart (decimated points)", Math.max(3, rounds / 10), decimated,
                () -> fill(decimated, data, from, now, true));
        Platform.exit();
        System.exit(0);
    }

    private static LineChart<Number, Number> lineChart() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, new NumberAxis());
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        return chart;
    }

    private static void fill(LineChart<Number, Number> chart, List<TimeSeries> data, long from, long to,
            boolean decimate) {
        List<XYChart.Series<Number, Number>> all = new ArrayList<>();
        for (TimeSeries s : data) {
            TimeSeries.Points p = decimate ? s.decimate(from, to, WIDTH - 60) : s.decimate(from, to, POINTS);
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(p.size());
            for (int i = 0; i < p.size(); i++) {
                points.add(new XYChart.Data<>(p.times()[i], p.values()[i]));
            }
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.getData().setAll(points);
            all.add(series);
        }
        chart.getData().setAll(all);
    }

    private static void report(String name, int rounds, Parent chart, Runnable update) throws Exception {
        long[] nanos = onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), WIDTH, HEIGHT));
            stage.show();
            long[] times = new long[2 * rounds];
            for (int i = 0; i < rounds + 2; i++) {
                long start = System.nanoTime();
                update.run();
                chart.applyCss();
                chart.layout();
                long laidOut = System.nanoTime();
                chart.snapshot(null, null);
                if (i >= 2) { // the first two warm up
                    times[i - 2] = laidOut - start;
                    times[rounds + i - 2] = System.nanoTime() - laidOut;
                }
            }
            stage.close();
            return times;
        });
        long[] fxShare = java.util.Arrays.copyOf(nanos, nanos.length / 2);
        long[] render = java.util.Arrays.copyOfRange(nanos, nanos.length / 2, nanos.length);
        java.util.Arrays.sort(fxShare);
        java.util.Arrays.sort(render);
        System.out.printf(Locale.ROOT, "%-30s update+CSS+layout median %8.2f ms, render median %8.2f ms "
                + "(%d redraws, %d series x %d points)%n", name, fxShare[fxShare.length / 2] / 1e6,
                render[render.length / 2] / 1e6, fxShare.length, SERIES, POINTS);
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }
}
