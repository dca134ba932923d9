package dev.skeeter.cli;

import sun.misc.Signal;

/**
 * The broker's signals, as mosquitto handles them: SIGINT and SIGTERM stop it cleanly (exit status 0, where the
 * JVM's default would be 130 or 143), SIGHUP reloads the configuration instead of stopping. Handlers run on the
 * JVM's signal thread and only hand the work on.
 */
final class BrokerSignals {
    private BrokerSignals() {
    }

    /** Returns false when the platform has no such signals (Windows: no SIGHUP); Ctrl-C then uses shutdown hooks. */
    static boolean install(Runnable stop, Runnable reload) {
        try {
            Signal.handle(new Signal("INT"), s -> stop.run());
            Signal.handle(new Signal("TERM"), s -> stop.run());
            Signal.handle(new Signal("HUP"), s -> reload.run());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
