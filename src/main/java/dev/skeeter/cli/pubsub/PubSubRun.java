package dev.skeeter.cli.pubsub;

import dev.skeeter.Version;
import dev.skeeter.cli.pubsub.ClientOptions.MessageMode;
import dev.skeeter.cli.pubsub.ClientOptions.Tool;
import dev.skeeter.client.ReceivedMessage;
import dev.skeeter.profiles.Profile;
import dev.skeeter.profiles.ProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One run of {@code skeeter pub} or {@code skeeter sub}: options, checks, connection, exit code. */
public final class PubSubRun {
    private final Tool tool;
    private final Terminal terminal;

    public PubSubRun(Tool tool, Terminal terminal) {
        this.tool = tool;
        this.terminal = terminal;
    }

    public int execute(List<String> args) throws InterruptedException {
        String name = tool == Tool.PUB ? "pub" : "sub";
        ClientOptions o = new ClientOptions(tool);
        OptionParser.Outcome outcome;
        try {
            outcome = OptionParser.parse(o, DefaultOptionsFile.read(tool), args);
        } catch (UsageException e) {
            terminal.err().print(e.text());
            if (e.showHint()) {
                terminal.err().print("\nUse 'skeeter " + name + " --help' to see usage.\n");
            }
            terminal.err().flush();
            return 1;
        }
        // like mosquitto's tools, --help and --version exit with 1
        if (outcome == OptionParser.Outcome.HELP) {
            out(usage());
            return 1;
        }
        if (outcome == OptionParser.Outcome.VERSION) {
            out("skeeter " + name + " version " + Version.get() + " running on Java "
                    + System.getProperty("java.version") + ".\n");
            return 1;
        }
        if (!o.ignoredV5.isEmpty() && !o.quiet) {
            terminal.err().print("Warning: MQTT v5 options are ignored (Skeeter speaks MQTT 3.1.1 and 3.1): "
                    + String.join(", ", o.ignoredV5) + "\n");
        }
        return tool == Tool.SUB ? subscribe(o) : publish(o);
    }

    private int subscribe(ClientOptions o) throws InterruptedException {
        if (o.noRetain && o.retainedOnly) {
            terminal.err().print("\nError: Combining '-R' and '--retained-only' makes no sense.\n");
            terminal.err().flush();
            return 1;
        }
        Profile profile = profile(o);
        return profile == null ? 1 : new SubSession(o, terminal).run(profile);
    }

    private int publish(ClientOptions o) throws InterruptedException {
        PubSession publisher = new PubSession(o, terminal);
        byte[] payload = new byte[0];
        List<ReceivedMessage> recording = List.of();
        if (o.mode == MessageMode.REPLAY) {
            recording = publisher.loadRecording();
            if (recording == null) {
                return 1;
            }
        } else {
            payload = publisher.loadPayload();
            if (payload == null) {
                return 1;
            }
            if (o.topic == null || o.mode == MessageMode.NONE) {
                terminal.err().print("Error: Both topic and message must be supplied.\n");
                terminal.err().flush();
                out(usage());
                return 1;
            }
        }
        Profile profile = profile(o);
        return profile == null ? 1 : publisher.run(profile, payload, recording);
    }

    private Profile profile(ClientOptions o) {
        try {
            return ConnectionSetup.profile(o, o.profileName == null ? null : ProfileStore.openDefault(),
                    terminal.err());
        } catch (ConnectionSetup.SetupException e) {
            if (!o.quiet) {
                terminal.err().print(e.getMessage());
                terminal.err().flush();
            }
            return null;
        }
    }

    private String usage() {
        String defaults = DefaultOptionsFile.of(tool).toString();
        return tool == Tool.PUB ? Usage.pub(defaults) : Usage.sub(defaults);
    }

    private void out(String text) {
        try {
            terminal.out().write(text.getBytes(StandardCharsets.UTF_8));
            terminal.out().flush();
        } catch (IOException e) {
            // nowhere to say it
        }
    }
}
