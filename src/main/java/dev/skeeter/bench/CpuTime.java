package dev.skeeter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time a process has used, from Linux's {@code /proc/PID/stat} (user plus system time of all its threads).
 * Elsewhere, or for a process that is gone, the answer is empty.
 */
final class CpuTime {
    /** {@code USER_HZ}: the unit of /proc's times, 100 on every Linux architecture Java runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private CpuTime() {
    }

    static OptionalLong nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), "stat"));
            // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return OptionalLong.of(ticks * (1_000_000_000L / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** CPU used between two samples as a percentage of one core, or NaN when either sample is missing. */
    static double percent(OptionalLong before, OptionalLong after, long wallNanos) {
        if (before.isEmpty() || after.isEmpty() || wallNanos <= 0) {
            return Double.NaN;
        }
        return 100.0 * (after.getAsLong() - before.getAsLong()) / wallNanos;
    }
}
