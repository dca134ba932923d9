package dev.skeeter.client.recording;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.skeeter.client.ReceivedMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes every message it is given to a JSON-lines file (format in the README, section "Recordings", and
 * {@link RecordingFormat}). Lines are buffered and flushed at most {@value #FLUSH_INTERVAL_MILLIS} ms after they
 * were written, by a shared daemon timer, so a flood costs few system calls and a quiet connection's last message
 * still reaches the disk promptly; {@link #close()} flushes the rest.
 *
 * <p>Thread-safe: {@link #record} may be called from any thread (typically a connection's listener).
 */
public final class Recorder implements AutoCloseable {
    static final long FLUSH_INTERVAL_MILLIS = 500;

    private static final ScheduledExecutorService FLUSHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "skeeter-recorder-flush");
        t.setDaemon(true);
        return t;
    });

    private final Path file;
    private final OutputStream out;
    private final JsonGenerator generator;
    private final ScheduledFuture<?> flushTask;
    private long recorded;
    private boolean dirty;
    private boolean closed;
    private IOException failure;

    private Recorder(Path file, OutputStream out) throws IOException {
        this.file = file;
        this.out = out;
        this.generator = RecordingFormat.lineWriter(out); // buffers by itself
        this.flushTask = FLUSHER.scheduleWithFixedDelay(this::flushIfDirty, FLUSH_INTERVAL_MILLIS,
                FLUSH_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts a new recording, replacing {@code file} if it exists. */
    public static Recorder create(Path file) throws IOException {
        return open(file, false);
    }

    /** Continues a recording: lines are added at the end of {@code file} (created when missing). */
    public static Recorder append(Path file) throws IOException {
        return open(file, true);
    }

    private static Recorder open(Path file, boolean append) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return new Recorder(file, out);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one message.
     *
     * @throws UncheckedIOException when writing failed (now or at an earlier flush); the recording stops there
     * @throws IllegalStateException when closed
     */
    public synchronized void record(ReceivedMessage message) {
        if (closed) {
            throw new IllegalStateException("Recording to " + file + " is closed");
        }
        if (failure != null) {
            throw new UncheckedIOException("Recording to " + file + " failed: " + failure.getMessage(), failure);
        }
        try {
            RecordingFormat.writeLine(generator, message);
            recorded++;
            dirty = true;
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("Recording to " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Why recording stopped, if writing failed (a full disk, say): the app shows it. */
    public synchronized Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Messages written so far. */
    public synchronized long recorded() {
        return recorded;
    }

    /** Pushes buffered lines to the file now. */
    public synchronized void flush() throws IOException {
        if (!closed) {
            generator.flush();
            dirty = false;
        }
    }

    private synchronized void flushIfDirty() {
        if (dirty && !closed && failure == null) {
            try {
                generator.flush();
                dirty = false;
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        flushTask.cancel(false);
        try (out) {
            generator.close(); // flushes; the stream closes after it even when this throws
        }
        if (failure != null) {
            throw failure;
        }
    }
}
