package dev.skeeter.client.recording;

import dev.skeeter.client.ReceivedMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Reads recordings and publishes them again through a {@link Publisher}, either at the original pace (each
 * message at its recorded offset from the first one) or as fast as possible. Timing runs on the given
 * {@link ScheduledExecutorService}; no thread sleeps. See {@link Replay} for progress and cancellation.
 *
 * <p>Thread-safe; each {@link #replay} call is independent.
 */
public final class Replayer {
    /** How fast to replay. */
    public enum Pace { ORIGINAL, AS_FAST_AS_POSSIBLE }

    /**
     * Publications awaiting completion at once: enough to keep a loopback broker busy, small enough to stay under
     * Paho's default in-flight limit of 10 for publishers that do not raise it (MqttConnection raises it to 1000).
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 8;

    private final Publisher publisher;
    private final ScheduledExecutorService scheduler;
    private final int maxInFlight;

    public Replayer(Publisher publisher, ScheduledExecutorService scheduler) {
        this(publisher, scheduler, DEFAULT_MAX_IN_FLIGHT);
    }

    /**
     * @param maxInFlight how many publications may be awaiting completion at once; 1 waits for each before the next
     */
    public Replayer(Publisher publisher, ScheduledExecutorService scheduler, int maxInFlight) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
    }

    /**
     * Reads a whole recording first, so a bad line is reported before anything is published. Blank lines are
     * skipped.
     *
     * @throws RecordingFormatException naming the file and the line number of the first bad line
     */
    public static List<ReceivedMessage> read(Path file) throws IOException {
        List<ReceivedMessage> messages = new ArrayList<>();
        String source = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (!line.isBlank()) {
                    messages.add(RecordingFormat.fromLine(line, lineNumber, source));
                }
            }
        }
        return messages;
    }

    /** Reads {@code file} (see {@link #read}) and replays it. */
    public Replay replay(Path file, Pace pace) throws IOException {
        return replay(read(file), pace);
    }

    /** Starts publishing {@code messages} in order; returns at once. */
    public Replay replay(List<ReceivedMessage> messages, Pace pace) {
        return replay(messages, pace == Pace.ORIGINAL ? 1.0 : 0.0);
    }

    /**
     * Starts publishing {@code messages} in order, {@code speed} times faster than recorded (2 halves every gap,
     * 0.5 doubles it; 0 publishes as fast as possible); returns at once.
     */
    public Replay replay(List<ReceivedMessage> messages, double speed) {
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number, 0 or more: " + speed);
        }
        Replay replay = new Replay(List.copyOf(messages), speed, publisher, scheduler, maxInFlight);
        replay.start();
        return replay;
    }
}
