package dev.skeeter.cli.pubsub;

import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.client.recording.RecordingFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Prints received messages the way mosquitto_sub does: the payload alone, {@code -v} topic and payload, a
 * {@code -F} format, or (Skeeter's own) {@code --json} one recording line a message. Each message is written and
 * flushed whole, as mosquitto flushes after every message. Confined to the subscriber's connection thread.
 */
final class MessagePrinter {
    private final ClientOptions options;
    private final OutputStream out;
    private final PrintStream err;
    private final OutputFormat format;

    MessagePrinter(ClientOptions options, OutputStream out, PrintStream err, ZoneId zone) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.format = options.format == null ? null : new OutputFormat(options.format, options.pretty, zone);
    }

    void print(ReceivedMessage m) throws IOException {
        if (options.randomFilter < 10_000 && ThreadLocalRandom.current().nextInt(10_000) >= options.randomFilter) {
            return;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream(m.payloadSize() + m.topic().length() + 16);
        if (options.json) {
            line.writeBytes(RecordingFormat.toLine(m).getBytes(StandardCharsets.UTF_8));
            line.write('\n');
        } else if (format != null) {
            format.render(m, line, err);
            if (options.eol) {
                line.write('\n');
            }
        } else if (options.verbose) {
            byte[] topic = m.topic().getBytes(StandardCharsets.UTF_8);
            if (m.payloadSize() > 0) {
                line.writeBytes(topic);
                line.write(' ');
                line.writeBytes(m.payload());
                if (options.eol) {
                    line.write('\n');
                }
            } else if (options.eol) {
                line.writeBytes(topic);
                line.writeBytes(" (null)\n".getBytes(StandardCharsets.US_ASCII));
            }
        } else if (m.payloadSize() > 0) {
            line.writeBytes(m.payload());
            if (options.eol) {
                line.write('\n');
            }
        }
        if (line.size() > 0) {
            line.writeTo(out);
            out.flush();
        }
    }
}
