package dev.skeeter.client;

import dev.skeeter.client.payload.PayloadCodecs;
import dev.skeeter.client.recording.Recorder;
import dev.skeeter.client.recording.Replayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints throughput of the message store, recording and codecs. Not a test: surefire skips *Benchmark, and a
 * {@code -Dtest} pattern that matches it still skips it unless asked for:
 * {@code mvn -o test -Dtest=ClientStoreBenchmark -Dskeeter.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "skeeter.benchmark", matches = "true")
class ClientStoreBenchmark {
    @Test
    void printNumbers() throws Exception {
        byte[] payload = "{\"temperature\": 21.5, \"unit\": \"C\", \"sensor\": \"kitchen-1\"}"
                .getBytes(StandardCharsets.UTF_8);
        List<String> filters = List.of("sensors/#");

        for (int round = 0; round < 3; round++) {
            MessageStore store = new MessageStore();
            int threads = 4;
            int perThread = 500_000;
            var pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perThread; i++) {
                        store.add(new ReceivedMessage(Instant.now(), "sensors/kitchen", 0, false, false, payload,
                                filters));
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
            long addNanos = System.nanoTime() - start;
            pool.shutdown();
            start = System.nanoTime();
            int n = store.snapshot().size();
            long snapNanos = System.nanoTime() - start;
            System.out.printf("MessageStore: %,d adds from %d threads at %,.0f msg/s; snapshot of %,d in %.1f ms;"
                    + " %s%n", threads * perThread, threads, threads * perThread / (addNanos / 1e9), n,
                    snapNanos / 1e6, store.stats());
        }

        List<ReceivedMessage> messages = new ArrayList<>();
        Instant t0 = Instant.now();
        for (int i = 0; i < 100_000; i++) {
            messages.add(new ReceivedMessage(t0.plusMillis(i), "sensors/" + (i % 100), 1, false, false, payload,
                    filters));
        }
        Path file = Files.createTempFile("skeeter-bench", ".jsonl");
        try {
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                try (Recorder recorder = Recorder.create(file)) {
                    messages.forEach(recorder::record);
                }
                long recordNanos = System.nanoTime() - start;
                start = System.nanoTime();
                int read = Replayer.read(file).size();
                long readNanos = System.nanoTime() - start;
                System.out.printf("Recording: %,d lines written at %,.0f/s (%,d bytes), read at %,.0f/s%n", read,
                        read / (recordNanos / 1e9), Files.size(file), read / (readNanos / 1e9));
            }
        } finally {
            Files.deleteIfExists(file);
        }

        byte[] big = new byte[1 << 20];
        new java.util.Random(1).nextBytes(big);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            String dump = PayloadCodecs.hexdump(big, big.length);
            long dumpNanos = System.nanoTime() - start;
            start = System.nanoTime();
            String text = PayloadCodecs.text(big);
            long textNanos = System.nanoTime() - start;
            System.out.printf("Codecs on 1 MiB random: hexdump %.1f ms (%,d chars), marked text %.1f ms%n",
                    dumpNanos / 1e6, dump.length(), textNanos / 1e6);
        }
    }
}
