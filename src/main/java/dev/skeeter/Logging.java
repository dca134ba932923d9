package dev.skeeter;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** The one place logging is wired: slf4j with logback (logback.xml), and java.util.logging bridged into it. */
public final class Logging {
    private Logging() {
    }

    /** Idempotent: routes java.util.logging (Paho, JavaFX) into slf4j. */
    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
