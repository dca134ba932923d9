package dev.skeeter.client.recording;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ReceivedMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayerTest {
    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService brokerThread = Executors.newSingleThreadScheduledExecutor();

    record Published(String topic, String payload, int qos, boolean retain, long atNanos) {
    }

    /** Collects publications and completes each one later, on another thread, like a real connection. */
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Publisher collecting = (topic, payload, qos, retain) -> {
        published.add(new Published(topic, new String(payload, UTF_8), qos, retain, System.nanoTime()));
        return CompletableFuture.runAsync(() -> { }, brokerThread);
    };

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        brokerThread.shutdownNow();
    }

    private static ReceivedMessage at(Instant t0, long millis, String topic) {
        return new ReceivedMessage(t0.plusMillis(millis), topic, (int) (millis % 3), millis % 2 == 0, false,
                ("payload " + topic).getBytes(UTF_8), List.of());
    }

    private Path record(List<ReceivedMessage> messages) throws IOException {
        Path file = dir.resolve("rec.jsonl");
        try (Recorder recorder = Recorder.create(file)) {
            messages.forEach(recorder::record);
        }
        return file;
    }

    @Test
    void recordedMessagesAreRepublishedInOrderAsFastAsPossible() throws Exception {
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            messages.add(at(t0, i * 1_001L, "t/" + i)); // seconds apart: would take over half an hour paced
        }
        Path file = record(messages);

        Replay replay = new Replayer(collecting, scheduler).replay(file, Replayer.Pace.AS_FAST_AS_POSSIBLE);
        Replay.Result result = replay.done().get(10, TimeUnit.SECONDS);

        assertThat(result.total()).isEqualTo(1_000);
        assertThat(result.published()).isEqualTo(1_000);
        assertThat(replay.published()).isEqualTo(1_000);
        assertThat(published).extracting(Published::topic)
                .containsExactlyElementsOf(messages.stream().map(ReceivedMessage::topic).toList());
        assertThat(published.get(3)).extracting(Published::payload, Published::qos, Published::retain)
                .containsExactly("payload t/3", 0, false);
        assertThat(published.get(4)).extracting(Published::qos, Published::retain).containsExactly(2, true);
    }

    @Test
    void synchronousPublisherDoesNotRecursePerMessage() throws Exception {
        List<String> topics = new ArrayList<>();
        Publisher immediate = (topic, payload, qos, retain) -> {
            topics.add(topic);
            return CompletableFuture.completedFuture(null);
        };
        Instant t0 = Instant.now();
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            messages.add(at(t0, i, "t/" + i));
        }

        new Replayer(immediate, scheduler, 1).replay(messages, Replayer.Pace.AS_FAST_AS_POSSIBLE)
                .done().get(10, TimeUnit.SECONDS);

        assertThat(topics).hasSize(20_000).endsWith("t/19999");
    }

    @Test
    void originalPaceKeepsTheRelativeSchedule() throws Exception {
        Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
        long[] offsets = {0, 150, 150, 400, 600};
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            messages.add(at(t0, offsets[i], "t/" + i));
        }

        List<ReceivedMessage> recorded = Replayer.read(record(messages));

        long start = System.nanoTime();
        Replay replay = new Replayer(collecting, scheduler).replay(recorded, Replayer.Pace.ORIGINAL);
        replay.done().get(10, TimeUnit.SECONDS);

        assertThat(published).extracting(Published::topic).containsExactly("t/0", "t/1", "t/2", "t/3", "t/4");
        for (int i = 0; i < offsets.length; i++) {
            long actualMillis = TimeUnit.NANOSECONDS.toMillis(published.get(i).atNanos() - start);
            // Never early (the replay starts after `start` and a scheduler never fires before its delay);
            // late by at most a generous margin, as other work shares these two cores.
            assertThat(actualMillis).as("message %d", i)
                    .isGreaterThanOrEqualTo(offsets[i]).isLessThan(offsets[i] + 1_000);
        }
    }

    @Test
    void cancellingStopsTheReplay() throws Exception {
        Instant t0 = Instant.now();
        List<ReceivedMessage> messages = List.of(at(t0, 0, "first"), at(t0, 3_600_000, "an hour later"));

        Replay replay = new Replayer(collecting, scheduler).replay(messages, Replayer.Pace.ORIGINAL);
        await().atMost(Duration.ofSeconds(5)).until(() -> replay.published() == 1);
        replay.cancel();

        assertThat(replay.isCancelled()).isTrue();
        assertThatThrownBy(() -> replay.done().get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        // The hour-long timer is gone: the scheduler has nothing left to run.
        scheduler.shutdown();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(published).extracting(Published::topic).containsExactly("first");
    }

    @Test
    void aFailedPublicationStopsTheReplayAndSaysWhich() {
        Instant t0 = Instant.now();
        List<ReceivedMessage> messages = List.of(at(t0, 0, "a"), at(t0, 1, "b"), at(t0, 2, "c"), at(t0, 3, "d"));
        Publisher failingOnC = (topic, payload, qos, retain) -> {
            published.add(new Published(topic, "", qos, retain, System.nanoTime()));
            // As a real connection would: the failure arrives wrapped, through a dependent stage.
            return topic.equals("c")
                    ? CompletableFuture.<Void>completedFuture(null).thenRun(() -> {
                        throw new IllegalStateException("not connected");
                    })
                    : CompletableFuture.completedFuture(null);
        };

        Replay replay = new Replayer(failingOnC, scheduler, 1).replay(messages, Replayer.Pace.AS_FAST_AS_POSSIBLE);

        assertThatThrownBy(() -> replay.done().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(Replay.ReplayException.class)
                .hasMessage("Publishing message 3 of 4 (topic c) failed: not connected");
        assertThat(published).extracting(Published::topic).containsExactly("a", "b", "c");
        assertThat(replay.published()).isEqualTo(2);
    }

    @Test
    void noMoreThanMaxInFlightPublicationsAwaitCompletion() {
        List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        Publisher held = (topic, payload, qos, retain) -> {
            var f = new CompletableFuture<Void>();
            pending.add(f);
            return f;
        };
        Instant t0 = Instant.now();
        List<ReceivedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(at(t0, i, "t/" + i));
        }

        Replay replay = new Replayer(held, scheduler, 3).replay(messages, Replayer.Pace.AS_FAST_AS_POSSIBLE);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending.size() == 3);
        pending.get(0).complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending.size() == 4);

        assertThat(replay.published()).isEqualTo(1);
        assertThat(replay.done()).isNotDone();
        replay.cancel();
    }

    @Test
    void emptyRecordingCompletesAtOnce() throws Exception {
        Replay replay = new Replayer(collecting, scheduler).replay(List.of(), Replayer.Pace.ORIGINAL);

        assertThat(replay.done().get(1, TimeUnit.SECONDS).total()).isZero();
    }
}
