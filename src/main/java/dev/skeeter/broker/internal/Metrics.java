package dev.skeeter.broker.internal;

import dev.skeeter.broker.BrokerStats;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The broker's counters. Thread-safe; updated from every event loop without contention (LongAdder). */
public final class Metrics {
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder messagesDropped = new LongAdder();
    private final AtomicInteger clientsConnected = new AtomicInteger();

    public void received() {
        messagesReceived.increment();
    }

    public void sent() {
        messagesSent.increment();
    }

    public void dropped() {
        messagesDropped.increment();
    }

    public void bytesIn(int count) {
        bytesReceived.add(count);
    }

    public void bytesOut(int count) {
        bytesSent.add(count);
    }

    public void connected() {
        clientsConnected.incrementAndGet();
    }

    public void disconnected() {
        clientsConnected.decrementAndGet();
    }

    public BrokerStats snapshot(int sessions, int retained, int subscriptions) {
        return new BrokerStats(clientsConnected.get(), sessions, messagesReceived.sum(), messagesSent.sum(),
                bytesReceived.sum(), bytesSent.sum(), messagesDropped.sum(), retained, subscriptions);
    }
}
