package dev.skeeter.ui.status;

import dev.skeeter.ui.common.FileChooserService;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Asks where to write, then writes series as CSV or a chart as PNG on the background executor; the outcome comes
 * back in words through the FX executor. Called on the FX thread.
 */
final class StatusExports {
    private interface Write {
        void run() throws IOException;
    }

    private final FileChooserService files;
    private final Executor background;
    private final Executor fx;
    private final Consumer<String> outcome;

    StatusExports(FileChooserService files, Executor background, Executor fx, Consumer<String> outcome) {
        this.files = files;
        this.background = background;
        this.fx = fx;
        this.outcome = outcome;
    }

    void csv(List<SeriesCsv.Named> copies) {
        files.save("Export series as CSV", "broker-status.csv", "*.csv").ifPresent(file ->
                write(() -> SeriesCsv.write(file, copies), "Series exported to " + file.getFileName()));
    }

    void png(String suggestedName, int width, int height, int[] argb) {
        files.save("Export chart as PNG", suggestedName, "*.png").ifPresent(file ->
                write(() -> PngFile.write(file, width, height, argb), "Chart exported to " + file.getFileName()));
    }

    private void write(Write write, String done) {
        background.execute(() -> {
            try {
                write.run();
                fx.execute(() -> outcome.accept(done));
            } catch (IOException | RuntimeException e) {
                fx.execute(() -> outcome.accept("Export failed: " + rootMessage(e)));
            }
        });
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
