package dev.skeeter.cli.pubsub;

import dev.skeeter.cli.SkeeterCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@code skeeter pub}/{@code sub} in-process with byte streams, so output compares byte for byte with
 * mosquitto's tools. Output may be read while a run (started with {@link #start}) is still going.
 */
public final class CliRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final byte[] stdin;

    public CliRun() {
        this(new byte[0]);
    }

    public CliRun(byte[] stdin) {
        this.stdin = stdin;
    }

    /** Runs to the end; the exit code. */
    public int execute(String... args) {
        OutputStream synchronizedOut = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (out) {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (out) {
                    out.write(b, off, len);
                }
            }
        };
        Terminal terminal = new Terminal(new ByteArrayInputStream(stdin), synchronizedOut,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return SkeeterCommand.commandLine(terminal).execute(args);
    }

    /** Runs on another thread (a subscriber); the future completes with the exit code. */
    public CompletableFuture<Integer> start(String... args) {
        return CompletableFuture.supplyAsync(() -> execute(args), runnable -> {
            Thread t = new Thread(runnable, "cli-run");
            t.setDaemon(true);
            t.start();
        });
    }

    public byte[] out() {
        synchronized (out) {
            return out.toByteArray();
        }
    }

    public String outText() {
        return new String(out(), StandardCharsets.UTF_8);
    }

    public String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
