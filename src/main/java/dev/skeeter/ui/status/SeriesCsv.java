package dev.skeeter.ui.status;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes series as CSV, one row per point: {@code time,series,value} (ISO-8601 UTC time; gaps left out). Runs on
 * a background thread over copies taken on the FX thread. Stateless.
 */
public final class SeriesCsv {
    static final String HEADER = "time,series,value";

    /** A copy of one series' points, safe to hand to another thread. */
    public record Named(String name, long[] times, double[] values) {
        public static Named copy(String name, TimeSeries s, long from) {
            int first = s.firstAtOrAfter(from);
            long[] t = new long[s.size() - first];
            double[] v = new double[t.length];
            for (int i = first; i < s.size(); i++) {
                t[i - first] = s.time(i);
                v[i - first] = s.value(i);
            }
            return new Named(name, t, v);
        }
    }

    private SeriesCsv() {
    }

    public static void write(Path file, List<Named> series) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (Named s : series) {
                String name = quote(s.name());
                for (int i = 0; i < s.times().length; i++) {
                    if (!Double.isNaN(s.values()[i])) {
                        out.write(Instant.ofEpochMilli(s.times()[i]) + "," + name + ","
                                + String.format(Locale.ROOT, "%.3f", s.values()[i]) + "\r\n");
                    }
                }
            }
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
