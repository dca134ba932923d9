package dev.skeeter.broker.internal.routing;

import dev.skeeter.mqtt.Topics;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Shows that routing does not get slower as unrelated subscriptions and retained messages pile up. Not a test
 * (surefire skips *Benchmark); run it with {@code app/bench/routing-benchmark.sh}. Plain loops timed with the
 * thread's CPU clock, with warm-up and repeated rounds, reporting the median round; numbers on a shared machine
 * are still noisy.
 *
 * <p>Arguments: optional largest size exponent (default 6, i.e. up to 10^6).
 */
public final class RoutingBenchmark {
    private static final String TOPIC = "bench/room/42/temperature";
    private static final String SINGLE_TOPIC = "site7/device7/temperature";
    private static final int ROUNDS = 7;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long blackhole;

    private RoutingBenchmark() {
    }

    public static void main(String[] args) {
        int maxExponent = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        System.out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println();
        System.out.println("Publish routing: match of '" + TOPIC + "' (10 matching subscribers through 6 filters,");
        System.out.println("two of them overlapping) while N other subscriptions exist under other branches");
        System.out.println("(and, as 'ns/1-match', a topic with a single exact subscriber)");
        System.out.printf(Locale.ROOT, "%12s %14s %14s %14s %12s %10s%n", "N", "ns/match", "ns/1-match",
                "ns/subscribe", "trie nodes", "heap MiB");
        for (int e = 3; e <= maxExponent; e++) {
            routing((int) Math.pow(10, e));
        }
        System.out.println();
        System.out.println("Retained: subscribing to 'a/+/c' collects its 10 retained messages while N other");
        System.out.println("retained messages exist under other branches (and, for contrast, a scan of all of them)");
        System.out.printf(Locale.ROOT, "%12s %14s %14s %16s %10s%n", "N", "ns/a/+/c", "ns/put", "ns/full scan",
                "heap MiB");
        for (int e = 3; e <= maxExponent; e++) {
            retained((int) Math.pow(10, e));
        }
        if (blackhole == 42) {
            System.out.println();
        }
    }

    private static void routing(int others) {
        var trie = new SubscriptionTrie<String>();
        // The matching ones: 10 subscribers, s0 and s1 through two filters each (the QoS merge path).
        for (int i = 0; i < 4; i++) {
            trie.subscribe(TOPIC, "s" + i, 1);
        }
        for (int i = 4; i < 7; i++) {
            trie.subscribe("bench/+/42/temperature", "s" + i, 0);
        }
        for (int i = 7; i < 10; i++) {
            trie.subscribe("bench/room/#", "s" + i, 2);
        }
        trie.subscribe("bench/room/+/temperature", "s0", 2);
        trie.subscribe("bench/#", "s1", 0);
        trie.subscribe(SINGLE_TOPIC, "single", 1);
        // The others: siblings of the matching levels, deep unrelated branches and wildcards elsewhere.
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < others; i++) {
            String filter = switch (i % 4) {
                case 0 -> "bench/room/" + (i + 100) + "/temperature";
                case 1 -> "site" + (i % 1000) + "/device" + i + "/temperature";
                case 2 -> "site" + (i % 1000) + "/+/humidity" + i;
                default -> "fleet/" + i + "/#";
            };
            trie.subscribe(filter, "other" + i, i % 3);
        }
        long subscribeNanos = (THREADS.getCurrentThreadCpuTime() - start) / others; // includes JIT warm-up

        int[] delivered = new int[1];
        Runnable oneMatch = () -> trie.match(TOPIC, (subscriber, qos) -> {
            delivered[0]++;
            blackhole += qos;
        });
        oneMatch.run();
        if (delivered[0] != 10) {
            throw new IllegalStateException("expected 10 deliveries, got " + delivered[0]);
        }
        double nsPerMatch = measure(200_000, 500_000, iterations -> {
            for (int i = 0; i < iterations; i++) {
                oneMatch.run();
            }
        });
        double nsPerSingleMatch = measure(200_000, 500_000, iterations -> {
            for (int i = 0; i < iterations; i++) {
                trie.match(SINGLE_TOPIC, (subscriber, qos) -> blackhole += qos);
            }
        });
        System.out.printf(Locale.ROOT, "%,12d %14.0f %14.0f %14d %,12d %10d%n", others, nsPerMatch, nsPerSingleMatch,
                subscribeNanos, trie.nodeCount(), usedHeapMiB());
        Reference.reachabilityFence(trie); // else the JIT may let the collector free it before the heap is read
    }

    private static void retained(int others) {
        var store = new RetainedStore<String>();
        for (int k = 0; k < 10; k++) {
            store.put("a/" + k + "/c", "m" + k);
            store.put("a/" + k + "/d", "m" + k);
        }
        List<String> topics = new ArrayList<>(others);
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < others; i++) {
            String topic = switch (i % 3) {
                case 0 -> "site" + (i % 1000) + "/device" + i + "/c";
                case 1 -> "b/" + i + "/c";
                default -> "fleet/" + (i % 100) + "/" + i;
            };
            store.put(topic, "m");
            topics.add(topic);
        }
        long putNanos = (THREADS.getCurrentThreadCpuTime() - start) / others;

        int[] found = new int[1];
        store.match("a/+/c", (topic, message) -> found[0]++);
        if (found[0] != 10) {
            throw new IllegalStateException("expected 10 retained messages, got " + found[0]);
        }
        double nsPerMatch = measure(20_000, 100_000, iterations -> {
            for (int i = 0; i < iterations; i++) {
                store.match("a/+/c", (topic, message) -> blackhole += message.length());
            }
        });
        // What a linear scan of every retained topic (as some brokers do) would cost, once, for contrast.
        double nsPerScan = measure(1, Math.max(1, 1_000_000 / others), iterations -> {
            for (int i = 0; i < iterations; i++) {
                for (String topic : topics) {
                    if (Topics.matches("a/+/c", topic)) {
                        blackhole++;
                    }
                }
            }
        });
        System.out.printf(Locale.ROOT, "%,12d %14.0f %14d %,16.0f %10d%n", others, nsPerMatch, putNanos, nsPerScan,
                usedHeapMiB());
        Reference.reachabilityFence(store);
    }

    /** Heap in use after a full collection: what the structure being measured keeps alive, plus a little. */
    private static long usedHeapMiB() {
        System.gc();
        System.gc();
        var runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    /**
     * Runs a warm-up, then {@link #ROUNDS} timed rounds; returns the median nanoseconds per iteration. Timed with the
     * thread's CPU clock rather than the wall clock: on a machine shared with other work, time spent descheduled is
     * not the code's cost (cache pollution by neighbours still shows).
     */
    private static double measure(int warmup, int iterationsPerRound, Body body) {
        body.run(warmup);
        double[] rounds = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            body.run(iterationsPerRound);
            rounds[r] = (double) (THREADS.getCurrentThreadCpuTime() - start) / iterationsPerRound;
        }
        Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    @FunctionalInterface
    private interface Body {
        void run(int iterations);
    }
}
