package dev.skeeter.cli.pubsub;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The streams a command reads and writes: bytes, because a payload printed by {@code sub} or read by {@code pub}
 * must pass through unchanged. {@code processStreams} is true for the process's own streams (then signals apply).
 */
public record Terminal(InputStream in, OutputStream out, PrintStream err, boolean processStreams) {
    public static Terminal process() {
        return new Terminal(System.in, new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8), true);
    }
}
