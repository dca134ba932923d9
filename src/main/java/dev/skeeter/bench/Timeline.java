package dev.skeeter.bench;

/**
 * The run's fixed schedule in {@link System#nanoTime()} units: publishing starts at {@code start}, messages sent
 * from {@code measureStart} on are counted, and publishing stops at {@code measureEnd}.
 */
record Timeline(long start, long measureStart, long measureEnd) {
    static Timeline startingNow(long warmupNanos, long durationNanos) {
        long start = System.nanoTime();
        return new Timeline(start, start + warmupNanos, start + warmupNanos + durationNanos);
    }

    boolean inWindow(long nanos) {
        return nanos >= measureStart && nanos < measureEnd;
    }

    double measuredSeconds() {
        return (measureEnd - measureStart) / 1e9;
    }
}
