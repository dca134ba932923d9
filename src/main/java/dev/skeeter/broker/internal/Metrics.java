package dev.skeeter.broker.internal;

import dev.skeeter.broker.BrokerStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The broker's counters, with mosquitto's meanings (see {@link BrokerStats}). Thread-safe; updated from every event
 * loop without contention (LongAdder).
 */
public final class Metrics {
    private final long startNanos = System.nanoTime();
    private final LongAdder packetsReceived = new LongAdder();
    private final LongAdder packetsSent = new LongAdder();
    private final LongAdder publishReceived = new LongAdder();
    private final LongAdder publishSent = new LongAdder();
    private final LongAdder publishBytesReceived = new LongAdder();
    private final LongAdder publishBytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder publishDropped = new LongAdder();
    private final LongAdder publishDenied = new LongAdder();
    private final LongAdder socketsOpened = new LongAdder();
    private final LongAdder connectionsAccepted = new LongAdder();
    private final LongAdder clientsExpired = new LongAdder();
    private final AtomicInteger clientsConnected = new AtomicInteger();
    private final AtomicInteger clientsMaximum = new AtomicInteger();

    /** A complete packet of any kind was read. */
    public void packetReceived(boolean publish) {
        packetsReceived.increment();
        if (publish) {
            publishReceived.increment();
        }
    }

    public void publishPayloadReceived(int bytes) {
        publishBytesReceived.add(bytes);
    }

    /** A control packet (not a PUBLISH) was written. */
    public void packetSent() {
        packetsSent.increment();
    }

    public void publishSent(int payloadBytes) {
        packetsSent.increment();
        publishSent.increment();
        publishBytesSent.add(payloadBytes);
    }

    /** A PUBLISH or will the ACL (or the embedder's authoriser) refused: acknowledged and dropped. */
    public void publishDenied() {
        publishDenied.increment();
    }

    /** A message was not delivered because a subscriber's queue was full (mosquitto's publish/messages/dropped). */
    public void dropped() {
        publishDropped.increment();
    }

    public void bytesIn(int count) {
        bytesReceived.add(count);
    }

    public void bytesOut(int count) {
        bytesSent.add(count);
    }

    public void socketOpened() {
        socketsOpened.increment();
    }

    public void clientExpired() {
        clientsExpired.increment();
    }

    public void connected() {
        clientsConnected.incrementAndGet();
        connectionsAccepted.increment();
    }

    public void disconnected() {
        clientsConnected.decrementAndGet();
    }

    /** The number of sessions changed to {@code total}: keeps the peak for {@code clients/maximum}. */
    public void sessionsNow(int total) {
        clientsMaximum.accumulateAndGet(total, Math::max);
    }

    public BrokerStats snapshot(int sessions, int retained, int subscriptions, long storedMessages,
            long storedBytes) {
        sessionsNow(sessions);
        long heapUsed = 0;
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heapUsed += pool.getUsage().getUsed();
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        return new BrokerStats((System.nanoTime() - startNanos) / 1_000_000_000L, clientsConnected.get(), sessions,
                clientsMaximum.get(), clientsExpired.sum(), packetsReceived.sum(), packetsSent.sum(),
                publishReceived.sum(), publishSent.sum(), publishDropped.sum(), publishBytesReceived.sum(),
                publishBytesSent.sum(), bytesReceived.sum(), bytesSent.sum(), retained, subscriptions, storedMessages,
                storedBytes, heapUsed, Math.max(heapPeak, heapUsed), socketsOpened.sum(), connectionsAccepted.sum(),
                publishDenied.sum());
    }
}
