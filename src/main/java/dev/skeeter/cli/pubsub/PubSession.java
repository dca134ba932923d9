package dev.skeeter.cli.pubsub;

import dev.skeeter.cli.pubsub.ClientOptions.MessageMode;
import dev.skeeter.client.ConnectionEvent;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.recording.RecordingFormatException;
import dev.skeeter.client.recording.Replay;
import dev.skeeter.client.recording.Replayer;
import dev.skeeter.profiles.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code skeeter pub}: connects through the client core, publishes one message (or {@code --repeat} copies, or a
 * message per line of stdin, or a recording with {@code --replay}) and disconnects once the broker has them all,
 * with mosquitto_pub's error lines and exit codes.
 */
public final class PubSession {
    private final ClientOptions o;
    private final Terminal terminal;

    public PubSession(ClientOptions options, Terminal terminal) {
        this.o = options;
        this.terminal = terminal;
    }

    /** Reads the payload (file, stdin) before connecting, as mosquitto_pub does; null when that failed. */
    public byte[] loadPayload() {
        switch (o.mode) {
            case COMMAND_LINE:
                return argumentBytes(o.message);
            case NULL_MESSAGE:
                return new byte[0];
            case FILE:
                try {
                    return Files.readAllBytes(Path.of(o.file));
                } catch (IOException e) {
                    err("Error: Unable to open file \"" + o.file + "\".\n");
                    err("Error loading input file \"" + o.file + "\".\n");
                    return null;
                }
            case STDIN_FILE:
                try {
                    byte[] all = terminal.in().readAllBytes();
                    if (all.length == 0) {
                        err("Error: Zero length input.\n");
                        err("Error loading input from stdin.\n");
                        return null;
                    }
                    return all;
                } catch (IOException e) {
                    err("Error loading input from stdin.\n");
                    return null;
                }
            default:
                return new byte[0];
        }
    }

    /**
     * The bytes the user typed: Java decoded the argument with the platform's charset, so it is encoded back with
     * it; under a plain ASCII locale (which cannot have produced other characters) UTF-8 is used instead.
     */
    static byte[] argumentBytes(String argument) {
        String name = System.getProperty("sun.jnu.encoding", "UTF-8");
        Charset charset = Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
        if (charset.equals(StandardCharsets.US_ASCII) || !charset.newEncoder().canEncode(argument)) {
            charset = StandardCharsets.UTF_8;
        }
        return argument.getBytes(charset);
    }

    /** Reads the recording for {@code --replay}; null when it cannot be read (the error already printed). */
    public List<ReceivedMessage> loadRecording() {
        try {
            return Replayer.read(Path.of(o.replayFile));
        } catch (NoSuchFileException e) {
            err("Error: Unable to open file \"" + o.replayFile + "\".\n");
        } catch (RecordingFormatException e) {
            err("Error: " + e.getMessage() + "\n");
        } catch (IOException e) {
            err("Error: Unable to read \"" + o.replayFile + "\": " + e.getMessage() + "\n");
        }
        return null;
    }

    public int run(Profile profile, byte[] payload, List<ReceivedMessage> recording) throws InterruptedException {
        // no CONNACK within the keepalive interval ends the attempt, as it does for mosquitto_pub
        Profile used = profile.toBuilder().connectTimeoutSeconds(profile.keepAliveSeconds())
                .autoReconnect(o.mode == MessageMode.STDIN_LINE).build();
        try (MqttConnection connection = new MqttConnection(used)) {
            if (o.debug) {
                connection.addListener(new ConnectionListener() {
                    @Override
                    public void event(ConnectionEvent event) {
                        debug(event.text());
                    }
                });
            }
            try {
                connection.connect().get();
            } catch (ExecutionException e) {
                ConnectErrors.Failure failure = ConnectErrors.of(e.getCause(), true);
                err(failure.text(o.debug));
                return failure.exitCode();
            }
            int code;
            try {
                code = switch (o.mode) {
                    case STDIN_LINE -> publishLines(connection);
                    case REPLAY -> replay(connection, recording);
                    default -> publishRepeatedly(connection, payload);
                };
            } catch (ExecutionException e) {
                ConnectErrors.Failure failure = ConnectErrors.ofPublish(e.getCause());
                err(failure.lines());
                code = failure.exitCode();
            }
            try {
                connection.disconnect().get(2, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // closing ends the connection in any case
            }
            return code;
        }
    }

    private int publishRepeatedly(MqttConnection connection, byte[] payload)
            throws InterruptedException, ExecutionException {
        long delayNanos = (long) (o.repeatDelaySeconds * 1e9);
        for (int i = 0; i < o.repeatCount; i++) {
            connection.publish(o.topic, payload, o.qos, o.retain).get();
            if (i < o.repeatCount - 1 && delayNanos > 0) {
                TimeUnit.NANOSECONDS.sleep(delayNanos); // the user asked for this pause between messages
            }
        }
        return 0;
    }

    /** One message a line of stdin (the newline not included); at most {@code -M} await the broker at once. */
    private int publishLines(MqttConnection connection) throws InterruptedException, ExecutionException {
        Semaphore inflight = new Semaphore(Math.min(o.maxInflight, 1000));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        InputStream in = terminal.in();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            boolean ended = false;
            while (!ended && failure.get() == null) {
                int b = in.read();
                if (b == -1) {
                    ended = true;
                    if (line.size() == 0) {
                        break;
                    }
                } else if (b != '\n') {
                    line.write(b);
                    continue;
                }
                inflight.acquire();
                connection.publish(o.topic, line.toByteArray(), o.qos, o.retain).whenComplete((ok, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                    inflight.release();
                });
                line.reset();
            }
        } catch (IOException e) {
            err("Error: Unable to read from stdin: " + e.getMessage() + "\n");
            return 1;
        }
        inflight.acquire(Math.min(o.maxInflight, 1000));
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        return 0;
    }

    private int replay(MqttConnection connection, List<ReceivedMessage> recording)
            throws InterruptedException, ExecutionException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skeeter-replay");
            t.setDaemon(true);
            return t;
        });
        try {
            Replay replay = new Replayer(connection::publish, scheduler, Math.min(o.maxInflight, 1000))
                    .replay(recording, o.replaySpeed);
            try {
                replay.done().get();
            } catch (ExecutionException e) {
                throw new ExecutionException(e.getCause() instanceof Replay.ReplayException re
                        && re.getCause() != null ? re.getCause() : e.getCause());
            }
            return 0;
        } finally {
            scheduler.shutdownNow();
        }
    }

    private void debug(String text) {
        try {
            terminal.out().write((text + "\n").getBytes(StandardCharsets.UTF_8));
            terminal.out().flush();
        } catch (IOException e) {
            // debug output is best effort
        }
    }

    private void err(String lines) {
        if (!o.quiet) {
            terminal.err().print(lines);
            terminal.err().flush();
        }
    }
}
