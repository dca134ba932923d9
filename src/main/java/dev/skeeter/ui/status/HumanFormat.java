package dev.skeeter.ui.status;

import java.util.Locale;

/** Numbers as people read them on a card or an axis: durations, byte sizes, counts and rates. Stateless. */
public final class HumanFormat {
    private HumanFormat() {
    }

    /** "3 d 4 h", "4 h 5 min", "5 min 12 s", "42 s"; "–" for NaN. */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "–";
        }
        long s = (long) seconds;
        long d = s / 86_400;
        long h = s % 86_400 / 3_600;
        long m = s % 3_600 / 60;
        long sec = s % 60;
        if (d > 0) {
            return d + " d " + h + " h";
        }
        if (h > 0) {
            return h + " h " + m + " min";
        }
        if (m > 0) {
            return m + " min " + sec + " s";
        }
        return sec + " s";
    }

    /** "512 B", "1.5 KiB", "12.3 MiB"; "–" for NaN. */
    public static String bytes(double bytes) {
        if (Double.isNaN(bytes)) {
            return "–";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** "1,234,567"; "–" for NaN. */
    public static String count(double n) {
        return Double.isNaN(n) ? "–" : String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    /** A compact axis or rate label: "950", "1.2k", "3.4M"; small rates keep a decimal ("0.5"). */
    public static String compact(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (a >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a >= 10 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
