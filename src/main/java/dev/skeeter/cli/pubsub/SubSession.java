package dev.skeeter.cli.pubsub;

import dev.skeeter.client.ConnectionEvent;
import dev.skeeter.client.ConnectionException;
import dev.skeeter.client.ConnectionListener;
import dev.skeeter.client.MqttConnection;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.SubscriptionRequest;
import dev.skeeter.client.recording.Recorder;
import dev.skeeter.mqtt.Topics;
import dev.skeeter.profiles.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code skeeter sub}: connects through the client core, subscribes, and prints what arrives until a count, a
 * timeout or a signal ends it, with mosquitto_sub's exit codes. Messages are handled on the connection's own
 * thread, one at a time and in order; printing there is what holds a broker back when stdout is slow.
 */
public final class SubSession {
    /** mosquitto_sub's exit code when {@code -W} fires before the broker answered (it calls exit(-1)). */
    static final int NO_CONNACK_EXIT = 255;

    private final ClientOptions o;
    private final Terminal terminal;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final List<CompletableFuture<Void>> removals = new ArrayList<>();
    private MqttConnection connection;
    private MessagePrinter printer;
    private Recorder recorder;
    private volatile boolean connected;
    private boolean processing = true;   // connection thread only
    private int received;                // connection thread only

    public SubSession(ClientOptions options, Terminal terminal) {
        this.o = options;
        this.terminal = terminal;
    }

    public int run(Profile profile) throws InterruptedException {
        try {
            recorder = o.recordFile == null ? null : Recorder.create(Path.of(o.recordFile));
        } catch (IOException e) {
            return fail("Error: Unable to record to \"" + o.recordFile + "\": " + e.getMessage() + ".\n", 1);
        }
        printer = new MessagePrinter(o, terminal.out(), terminal.err(), ZoneId.systemDefault());
        // like mosquitto_sub: a lost connection is made again, and a silent broker is tried again until -W
        Profile used = profile.toBuilder().autoReconnect(true)
                .connectTimeoutSeconds(profile.keepAliveSeconds()).build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skeeter-sub-timeout");
            t.setDaemon(true);
            return t;
        });
        Thread onSignal = new Thread(this::stopOnSignal, "skeeter-sub-signal");
        try (MqttConnection c = new MqttConnection(used)) {
            connection = c;
            c.addListener(new Listener());
            if (o.timeoutSeconds > 0) {
                timer.schedule(this::timedOut, o.timeoutSeconds, TimeUnit.SECONDS);
            }
            if (terminal.processStreams()) {
                Runtime.getRuntime().addShutdownHook(onSignal);
                StopSignals.install(() -> exit.complete(connected ? 0 : NO_CONNACK_EXIT));
            }
            Integer failed = connect(c);
            if (failed != null) {
                return failed;
            }
            connected = true;
            c.subscribe(o.topics.stream().map(t -> new SubscriptionRequest(t, o.qos)).toList())
                    .whenComplete(this::subscribed);
            if (!o.unsubscribeTopics.isEmpty()) {
                c.unsubscribe(o.unsubscribeTopics);
            }
            int code = exit.join();
            finish(c);
            return code;
        } finally {
            timer.shutdownNow();
            closeRecorder();
            flush();
            finished.complete(null);
            if (terminal.processStreams()) {
                removeHook(onSignal);
            }
        }
    }

    /** Null once connected, else the exit code (the error already printed). */
    private Integer connect(MqttConnection c) throws InterruptedException {
        while (true) {
            CompletableFuture<Void> attempt = c.connect();
            try {
                CompletableFuture.anyOf(attempt, exit).get();
            } catch (ExecutionException e) {
                // the attempt failed: handled below
            }
            if (exit.isDone()) {
                return exit.join();
            }
            try {
                attempt.get();
                return null;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ConnectionException ce && ce.getCause() instanceof SocketTimeoutException) {
                    continue;
                }
                ConnectErrors.Failure failure = ConnectErrors.of(cause, false);
                return fail(failure.text(o.debug), failure.exitCode());
            }
        }
    }

    private void subscribed(List<Integer> grants, Throwable error) {
        if (error != null) {
            return; // the connection was lost before the SUBACK: it subscribes again when it reconnects
        }
        if (o.debug) {
            print("Subscribed: " + String.join(", ", grants.stream().map(String::valueOf).toList()) + "\n");
        }
        if (grants.stream().allMatch(g -> g >= 0x80)) {
            err("All subscription requests were denied.\n");
            exit.complete(0);
        } else if (o.exitAfterSubscribe) {
            exit.complete(0);
        }
    }

    private final class Listener implements ConnectionListener {
        @Override
        public void messageArrived(ReceivedMessage m) {
            if (!processing) {
                return;
            }
            if (o.retainedOnly && !m.retained()) {
                processing = false;
                exit.complete(0);
                return;
            }
            if (m.retained() && o.noRetain) {
                return;
            }
            for (String filter : o.filterOuts) {
                if (Topics.matches(filter, m.topic())) {
                    return;
                }
            }
            if (o.removeRetained && m.retained()) {
                removals.add(connection.publish(m.topic(), new byte[0], 1, true));
            }
            try {
                printer.print(m);
            } catch (IOException e) {
                processing = false; // stdout is gone (a closed pipe): stop as mosquitto_sub does
                exit.complete(0);
                return;
            }
            record(m);
            if (o.messageCount > 0 && ++received == o.messageCount) {
                processing = false;
                exit.complete(0);
            }
        }

        @Override
        public void event(ConnectionEvent event) {
            if (o.debug) {
                print(event.text() + "\n");
            }
        }
    }

    private void record(ReceivedMessage m) {
        if (recorder == null) {
            return;
        }
        try {
            recorder.record(m);
        } catch (UncheckedIOException e) {
            err("Error: " + e.getMessage() + "\n");
            recorder = null;
            exit.complete(1);
        }
    }

    private void timedOut() {
        if (!connected) {
            exit.complete(NO_CONNACK_EXIT);
        } else if (!exit.isDone()) {
            err("Timed out\n");
            exit.complete(ConnectErrors.TIMEOUT);
        }
    }

    /** Ctrl-C or SIGTERM: disconnect cleanly (so no will is sent) and flush what was printed. */
    private void stopOnSignal() {
        if (exit.complete(connected ? 0 : NO_CONNACK_EXIT)) {
            try {
                finished.get(3, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                // leave: the JVM is stopping
            }
        }
    }

    private void finish(MqttConnection c) {
        try {
            CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // a retained message may stay: disconnect anyway
        }
        try {
            c.disconnect().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            // closing the connection below ends it in any case
        }
    }

    private void closeRecorder() {
        if (recorder != null) {
            try {
                recorder.close();
            } catch (IOException e) {
                err("Error: Unable to finish the recording \"" + o.recordFile + "\": " + e.getMessage() + "\n");
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already stopping
        }
    }

    private int fail(String lines, int code) {
        err(lines);
        return code;
    }

    private void err(String lines) {
        if (!o.quiet) {
            terminal.err().print(lines);
            terminal.err().flush();
        }
    }

    private void print(String line) {
        try {
            terminal.out().write(line.getBytes(StandardCharsets.UTF_8));
            terminal.out().flush();
        } catch (IOException e) {
            exit.complete(0);
        }
    }

    private void flush() {
        try {
            terminal.out().flush();
        } catch (IOException e) {
            // nothing more can be shown
        }
    }
}
