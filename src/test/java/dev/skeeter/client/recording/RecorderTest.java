package dev.skeeter.client.recording;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.skeeter.client.ReceivedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
    @TempDir
    Path dir;

    static ReceivedMessage text(String topic, String payload, Instant at) {
        return new ReceivedMessage(at, topic, 1, false, false, payload.getBytes(UTF_8), List.of(topic));
    }

    @Test
    void recordingReadsBackAsTheSameMessagesWithTextOrBase64Payloads() throws IOException {
        Instant t0 = Instant.parse("2026-11-27T10:00:00.123456789Z");
        List<ReceivedMessage> messages = List.of(
                text("sensors/1", "21.5 \u00b0C\nline two", t0),
                new ReceivedMessage(t0.plusMillis(5), "bin", 2, true, true, new byte[] {0, (byte) 0xff, 10},
                        List.of("#", "bin")),
                new ReceivedMessage(t0.plusSeconds(1), "empty", 0, false, false, new byte[0], List.of()));
        Path file = dir.resolve("rec.jsonl");

        try (Recorder recorder = Recorder.create(file)) {
            messages.forEach(recorder::record);
            assertThat(recorder.recorded()).isEqualTo(3);
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"encoding\":\"utf8\"", "\"payload\":\"21.5 \u00b0C\\nline two\"",
                "\"time\":\"2026-11-27T10:00:00.123456789Z\"", "\"qos\":1", "\"retain\":false");
        assertThat(lines.get(1)).contains("\"encoding\":\"base64\"", "\"payload\":\"AP8K\"", "\"retain\":true");
        assertThat(Replayer.read(file)).isEqualTo(messages);
    }

    @Test
    void appendContinuesAnExistingRecording() throws IOException {
        Path file = dir.resolve("rec.jsonl");
        try (Recorder r = Recorder.create(file)) {
            r.record(text("a", "1", Instant.now()));
        }
        try (Recorder r = Recorder.append(file)) {
            r.record(text("b", "2", Instant.now()));
        }

        assertThat(Replayer.read(file)).extracting(ReceivedMessage::topic).containsExactly("a", "b");
    }

    @Test
    void linesReachTheFileSoonWithoutClosing() throws IOException {
        Path file = dir.resolve("rec.jsonl");
        try (Recorder recorder = Recorder.create(file)) {
            recorder.record(text("a", "1", Instant.now()));
            recorder.record(text("b", "2", Instant.now()));

            await().atMost(Duration.ofSeconds(5)).until(() -> Files.readAllLines(file).size() == 2);
        }
    }

    @Test
    void recordsFromManyThreadsAsWholeLines() throws Exception {
        Path file = dir.resolve("rec.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Recorder recorder = Recorder.create(file)) {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String topic = "thread/" + t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        recorder.record(text(topic, "message " + i, Instant.now()));
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<ReceivedMessage> read = Replayer.read(file);
        assertThat(read).hasSize(4_000);
        for (int t = 0; t < 4; t++) {
            String topic = "thread/" + t;
            assertThat(read.stream().filter(m -> m.topic().equals(topic)).map(m -> new String(m.payload(), UTF_8)))
                    .as("per-thread order").containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, 1_000).mapToObj(i -> "message " + i).toList());
        }
    }

    @Test
    void closedRecorderRefusesMore() throws IOException {
        Recorder recorder = Recorder.create(dir.resolve("rec.jsonl"));
        recorder.close();
        recorder.close();

        assertThatThrownBy(() -> recorder.record(text("a", "1", Instant.now())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rec.jsonl");
    }

    @Test
    void badLinesAreReportedWithFileAndLineNumber() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        String good = RecordingFormat.toLine(text("a", "1", Instant.now()));
        for (var bad : List.of(
                List.of("{not json", "line 2: not JSON"),
                List.of("{\"time\":\"yesterday\",\"topic\":\"a\",\"qos\":0,\"payload\":\"\"}", "line 2: \"time\""),
                List.of("{\"time\":\"2026-11-27T10:00:00Z\",\"qos\":0,\"payload\":\"\"}", "line 2: \"topic\""),
                List.of("{\"time\":\"2026-11-27T10:00:00Z\",\"topic\":\"a\",\"qos\":3,\"payload\":\"\"}", "\"qos\""),
                List.of("{\"time\":\"2026-11-27T10:00:00Z\",\"topic\":\"a\",\"qos\":0,\"encoding\":\"base64\","
                        + "\"payload\":\"*\"}", "not valid base64"),
                List.of("{\"time\":\"2026-11-27T10:00:00Z\",\"topic\":\"a\",\"qos\":0,\"encoding\":\"rot13\","
                        + "\"payload\":\"\"}", "unknown encoding"))) {
            Files.write(file, List.of(good, bad.get(0), good));

            assertThatThrownBy(() -> Replayer.read(file)).isInstanceOf(RecordingFormatException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining(bad.get(1))
                    .satisfies(e -> assertThat(((RecordingFormatException) e).lineNumber()).isEqualTo(2));
        }
    }

    @Test
    void blankLinesAreSkippedButCountTowardsLineNumbers() throws IOException {
        Path file = dir.resolve("gaps.jsonl");
        String good = RecordingFormat.toLine(text("a", "1", Instant.now()));
        Files.write(file, List.of(good, "", good, "   ", "oops"));

        assertThatThrownBy(() -> Replayer.read(file)).hasMessageContaining("line 5");
    }
}
