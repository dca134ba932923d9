package dev.skeeter.client;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Settles one connect attempt exactly once: either Paho answers, or the timeout fires first. Paho's async connect
 * has no CONNACK timeout of its own, so a silent server would otherwise leave the attempt pending forever.
 * Thread-safe: Paho's answer and the timer race, and {@link #settle()} lets exactly one of them win.
 */
final class ConnectDeadline {
    private final AtomicBoolean settled = new AtomicBoolean();
    private final ScheduledFuture<?> timer;

    /** {@code timeoutSeconds} of zero or less: no deadline. {@code onTimeout} runs only if it wins. */
    ConnectDeadline(EventDispatcher dispatcher, int timeoutSeconds, Runnable onTimeout) {
        this.timer = timeoutSeconds <= 0 ? null : dispatcher.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                onTimeout.run();
            }
        }, timeoutSeconds * 1000L);
    }

    /** Called with Paho's answer: true when it came in time, false when the attempt was already given up. */
    boolean settle() {
        if (timer != null) {
            timer.cancel(false);
        }
        return settled.compareAndSet(false, true);
    }
}
