package dev.skeeter.broker.internal.sys;

/**
 * One exponentially damped per-minute rate, as mosquitto computes its {@code $SYS/broker/load/...} values: each
 * update folds the rate of the last interval (scaled to per minute) into the average with weight
 * {@code 1 - exp(-elapsed / window)}. Confined to the thread that updates the {@code $SYS} tree.
 */
final class LoadAverage {
    private final double windowSeconds;
    private double value;

    LoadAverage(double windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /**
     * Folds in {@code count} events seen over {@code elapsedSeconds} and returns the new average per minute.
     * The first update (elapsed 0) keeps the average at zero, as mosquitto's first publish does.
     */
    double update(double count, double elapsedSeconds) {
        if (elapsedSeconds <= 0) {
            return value;
        }
        double perMinute = count * 60.0 / elapsedSeconds;
        double exponent = Math.exp(-elapsedSeconds / windowSeconds);
        value = perMinute + exponent * (value - perMinute);
        return value;
    }

    double value() {
        return value;
    }
}
