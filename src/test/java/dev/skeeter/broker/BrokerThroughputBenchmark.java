package dev.skeeter.broker;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: fan-in QoS 0 throughput, several raw-socket publishers into one subscriber, printed as msg/s.
 * Run: {@code mvn -o test-compile exec:... } or from the IDE; arguments: publishers, messages per publisher,
 * payload bytes (defaults 8, 250000, 32).
 */
public final class BrokerThroughputBenchmark {
    private BrokerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int publishers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int perPublisher = args.length > 1 ? Integer.parseInt(args[1]) : 250_000;
        int payloadBytes = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        long total = (long) publishers * perPublisher;
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, null).build())) {
            int port = broker.start().get(10, TimeUnit.SECONDS).get(0).getPort();
            for (int round = 0; round < 3; round++) {
                run(port, publishers, perPublisher, payloadBytes, total, broker);
            }
        }
    }

    private static void run(int port, int publishers, int perPublisher, int payloadBytes, long total, Broker broker)
            throws Exception {
        long droppedBefore = broker.stats().publishDropped();
        try (Socket sub = new Socket("127.0.0.1", port)) {
            sub.setReceiveBufferSize(4 << 20);
            sub.getOutputStream().write(RawClient.connect("bench-sub", true, 0));
            sub.getOutputStream().write(RawClient.subscribe(1, "bench/#", 0));
            InputStream in = sub.getInputStream();
            readPackets(in, 2);
            byte[] one = RawClient.publish("bench/t", 0, 0, "x".repeat(payloadBytes));
            byte[] batch = new byte[one.length * 1000];
            for (int i = 0; i < 1000; i++) {
                System.arraycopy(one, 0, batch, i * one.length, one.length);
            }
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int p = 0; p < publishers; p++) {
                int id = p;
                Thread t = new Thread(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        s.setTcpNoDelay(true);
                        OutputStream out = s.getOutputStream();
                        out.write(RawClient.connect("bench-pub-" + id, true, 0));
                        s.getInputStream().readNBytes(4);
                        for (int sent = 0; sent < perPublisher; sent += 1000) {
                            out.write(batch);
                        }
                        out.write(RawClient.packet(0xC0));
                        s.getInputStream().readNBytes(2);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            long received = 0;
            sub.setSoTimeout(3000);
            try {
                while (received + broker.stats().publishDropped() - droppedBefore < total) {
                    received += readPackets(in, -1);
                }
            } catch (java.net.SocketTimeoutException e) {
                // the rest was dropped
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Thread t : threads) {
                t.join();
            }
            long dropped = broker.stats().publishDropped() - droppedBefore;
            System.out.printf("%d publishers x %d msgs (%d B payload) -> 1 subscriber: %d received, %d dropped, "
                    + "%.2f s, %,.0f msg/s delivered%n", publishers, perPublisher, payloadBytes, received, dropped,
                    seconds, received / seconds);
        }
    }

    private static final byte[] BUFFER = new byte[1 << 20];
    private static int carry;
    private static int remainingInPacket;
    private static int state;
    private static int length;
    private static int shift;

    /** Counts complete packets in what one read returns ({@code want} >= 0: block until that many). */
    private static long readPackets(InputStream in, int want) throws Exception {
        long count = 0;
        do {
            int n = in.read(BUFFER);
            if (n < 0) {
                throw new IllegalStateException("closed");
            }
            for (int i = 0; i < n; ) {
                if (state == 0) {
                    state = 1;
                    length = 0;
                    shift = 0;
                    i++;
                } else if (state == 1) {
                    int b = BUFFER[i++] & 0xFF;
                    length |= (b & 0x7F) << shift;
                    shift += 7;
                    if ((b & 0x80) == 0) {
                        remainingInPacket = length;
                        state = 2;
                        if (length == 0) {
                            state = 0;
                            count++;
                        }
                    }
                } else {
                    int skip = Math.min(remainingInPacket, n - i);
                    i += skip;
                    remainingInPacket -= skip;
                    if (remainingInPacket == 0) {
                        state = 0;
                        count++;
                    }
                }
            }
        } while (want >= 0 && count < want);
        carry = 0;
        return count;
    }
}
