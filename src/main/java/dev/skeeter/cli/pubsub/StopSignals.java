package dev.skeeter.cli.pubsub;

import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM for {@code skeeter sub}, handled as mosquitto_sub handles them: the subscriber
 * disconnects and exits with status 0 (255 before the broker answered), where the JVM's default would exit 130 or
 * 143. The handler runs on the JVM's signal thread and only hands the stop on.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** Where the platform has no such signals, the caller's shutdown hook still stops it cleanly. */
    static void install(Runnable stop) {
        try {
            Signal.handle(new Signal("INT"), s -> stop.run());
            Signal.handle(new Signal("TERM"), s -> stop.run());
        } catch (IllegalArgumentException e) {
            // no SIGINT/SIGTERM here
        }
    }
}
