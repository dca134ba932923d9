package dev.skeeter.ui.localbroker;

import dev.skeeter.broker.BrokerLogEvent;
import dev.skeeter.ui.log.LogEntry;
import dev.skeeter.ui.log.LogLevel;

/** Turns the broker's log events into Log tab lines. */
final class BrokerLogEntries {
    private BrokerLogEntries() {
    }

    static LogEntry of(BrokerLogEvent event) {
        String text = event.clientId() == null || event.clientId().isEmpty() ? event.message()
                : "[" + event.clientId() + "] " + event.message();
        return new LogEntry(event.time(), LogLevel.of(event.level().name()), text);
    }
}
