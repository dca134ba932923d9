package dev.skeeter.ui.status;

import java.util.Arrays;

/**
 * A bounded series of (time, value) points in arrival order: once full, each new point replaces the oldest, so an
 * hour at one point a second costs a fixed 16 bytes a point whatever runs. NaN marks a gap (a reconnect, a counter
 * reset), which a chart draws as a break. Not thread-safe: the FX thread owns it.
 */
public final class TimeSeries {
    /** Points ready to draw: at most two per bucket (its lowest and highest), in time order. */
    public record Points(long[] times, double[] values) {
        public int size() {
            return times.length;
        }
    }

    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    public TimeSeries(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2: " + capacity);
        }
        times = new long[capacity];
        values = new double[capacity];
    }

    public void add(long timeMillis, double value) {
        int at = (start + size) % times.length;
        if (size == times.length) {
            start = (start + 1) % times.length;
        } else {
            size++;
        }
        times[at] = timeMillis;
        values[at] = value;
    }

    /** Marks a break: the line does not join the points on either side. */
    public void gap(long timeMillis) {
        if (size > 0 && !Double.isNaN(value(size - 1))) {
            add(timeMillis, Double.NaN);
        }
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return times.length;
    }

    public long time(int i) {
        return times[(start + i) % times.length];
    }

    public double value(int i) {
        return values[(start + i) % values.length];
    }

    /** The newest value that is not a gap, or NaN. */
    public double last() {
        for (int i = size - 1; i >= 0; i--) {
            if (!Double.isNaN(value(i))) {
                return value(i);
            }
        }
        return Double.NaN;
    }

    public void clear() {
        start = 0;
        size = 0;
    }

    /** The index of the first point at or after {@code timeMillis} (binary search: times only grow). */
    int firstAtOrAfter(long timeMillis) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) < timeMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The points between {@code from} and {@code to} reduced to {@code buckets} columns (a chart's width in pixels):
     * each column keeps its lowest and highest value, so peaks survive and the cost of drawing does not depend on
     * how many points the window holds. A column holding a gap yields a NaN so the line breaks there.
     */
    public Points decimate(long from, long to, int buckets) {
        int first = Math.max(0, firstAtOrAfter(from) - 1); // one before: the line enters the window from the left
        int end = size;
        if (buckets < 1 || to <= from || first >= end) {
            return new Points(new long[0], new double[0]);
        }
        if (end - first <= 2L * buckets) {
            long[] t = new long[end - first];
            double[] v = new double[end - first];
            for (int i = first; i < end; i++) {
                t[i - first] = time(i);
                v[i - first] = value(i);
            }
            return new Points(t, v);
        }
        long[] t = new long[2 * buckets + 2];
        double[] v = new double[t.length];
        int n = 0;
        double width = (double) (to - from) / buckets;
        int i = first;
        while (i < end) {
            long bucket = (long) Math.floor((time(i) - from) / width);
            int lowAt = -1;
            int highAt = -1;
            boolean gap = false;
            int j = i;
            for (; j < end && (long) Math.floor((time(j) - from) / width) == bucket; j++) {
                double x = value(j);
                if (Double.isNaN(x)) {
                    gap = true;
                } else {
                    if (lowAt < 0 || x < value(lowAt)) {
                        lowAt = j;
                    }
                    if (highAt < 0 || x > value(highAt)) {
                        highAt = j;
                    }
                }
            }
            if (n + 3 > t.length) {
                t = Arrays.copyOf(t, t.length * 2);
                v = Arrays.copyOf(v, v.length * 2);
            }
            if (gap) {
                t[n] = time(i);
                v[n++] = Double.NaN;
            }
            if (lowAt >= 0) {
                int a = Math.min(lowAt, highAt);
                int b = Math.max(lowAt, highAt);
                t[n] = time(a);
                v[n++] = value(a);
                if (b != a) {
                    t[n] = time(b);
                    v[n++] = value(b);
                }
            }
            i = j;
        }
        return new Points(Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
}
