package dev.skeeter.cli.pubsub;

import dev.skeeter.cli.pubsub.ClientOptions.MessageMode;
import dev.skeeter.cli.pubsub.ClientOptions.Tool;
import dev.skeeter.mqtt.Topics;
import java.util.List;
import java.util.Locale;

/**
 * Reads mosquitto_pub's and mosquitto_sub's (2.0) flags, in their order and with their error lines, so scripts
 * written for those tools see the same messages: options are read left to right, a later one overrides an earlier
 * one, and numbers are read the way C's {@code atoi} reads them. Stateless.
 */
public final class OptionParser {
    /** What the command line asks for besides running. */
    public enum Outcome { RUN, HELP, VERSION }

    /** A flag or combination mosquitto refuses; {@code text} is exactly what goes to stderr. */
    public static final class UsageException extends Exception {
        private final boolean showHint;

        UsageException(String text, boolean showHint) {
            super(text);
            this.showHint = showHint;
        }

        /** The lines to print, newlines included. */
        public String text() {
            return getMessage();
        }

        /** Whether mosquitto follows the error with its "Use ... --help" line. */
        public boolean showHint() {
            return showHint;
        }
    }

    private OptionParser() {
    }

    /** Reads the default-options file's lines, then the command line, then checks the combination. */
    public static Outcome parse(ClientOptions o, List<String> defaultLines, List<String> args)
            throws UsageException {
        for (String raw : defaultLines) {
            List<String> line = DefaultOptionsFile.split(raw);
            if (!line.isEmpty()) {
                Outcome outcome = parseArgs(o, line);
                if (outcome != Outcome.RUN) {
                    return outcome;
                }
            }
        }
        Outcome outcome = parseArgs(o, args);
        if (outcome != Outcome.RUN) {
            return outcome;
        }
        check(o);
        return Outcome.RUN;
    }

    private static void check(ClientOptions o) throws UsageException {
        if (o.willPayload != null && o.willTopic == null) {
            throw error("Error: Will payload given, but no will topic given.\n");
        }
        if (o.willRetain && o.willTopic == null) {
            throw error("Error: Will retain given, but no will topic given.\n");
        }
        if ((o.certFile == null) != (o.keyFile == null)) {
            throw error("Error: Both certfile and keyfile must be provided if one of them is set.\n");
        }
        if (o.keyForm != null && o.keyFile == null) {
            throw error("Error: If keyform is set, keyfile must be also specified.\n");
        }
        if (o.cleanSessionOff && (o.clientIdPrefix != null || o.clientId == null)) {
            throw error("Error: You must provide a client id if you are using the -c option.\n");
        }
        if (o.tool == Tool.SUB && o.topics.isEmpty()) {
            throw error("Error: You must specify a topic to subscribe to.\n");
        }
    }

    private static Outcome parseArgs(ClientOptions o, List<String> args) throws UsageException {
        Args a = new Args(args);
        while (a.hasNext()) {
            String flag = a.next();
            boolean pub = o.tool == Tool.PUB;
            switch (flag) {
                case "-A" -> o.bindAddress = a.value("Error: -A argument given but no address specified.\n\n");
                case "--cafile" -> o.caFile = a.value("Error: --cafile argument given but no file specified.\n\n");
                case "--capath" -> o.caPath = a.value(
                        "Error: --capath argument given but no directory specified.\n\n");
                case "--cert" -> o.certFile = a.value("Error: --cert argument given but no file specified.\n\n");
                case "--ciphers" -> o.ciphers = a.value(
                        "Error: --ciphers argument given but no ciphers specified.\n\n");
                case "-C" -> {
                    subOnly(o, flag);
                    o.messageCount = atoi(a.value("Error: -C argument given but no count specified.\n\n"));
                    if (o.messageCount < 1) {
                        throw error("Error: Invalid message count \"" + o.messageCount + "\".\n\n");
                    }
                }
                case "-c", "--disable-clean-session" -> o.cleanSessionOff = true;
                case "-d", "--debug" -> o.debug = true;
                case "-D", "--property" -> {
                    // MQTT v5 properties: command, identifier and (except for a few) a value
                    String command = a.value("Error: --property argument given but not enough arguments "
                            + "specified.\n\n");
                    String identifier = a.value("Error: --property argument given but not enough arguments "
                            + "specified.\n\n");
                    String value = a.hasNext() && !a.peek().startsWith("-") ? a.next() : "";
                    o.ignoredV5.add("-D " + command + " " + identifier + (value.isEmpty() ? "" : " " + value));
                }
                case "-E" -> {
                    subOnly(o, flag);
                    o.exitAfterSubscribe = true;
                }
                case "-f", "--file" -> {
                    pubOnly(o, flag);
                    oneMode(o);
                    o.file = a.value("Error: -f argument given but no file specified.\n\n");
                    o.mode = MessageMode.FILE;
                }
                case "-F" -> {
                    subOnly(o, flag);
                    o.format = a.value("Error: -F argument given but no format specified.\n\n");
                    String problem = OutputFormat.check(o.format);
                    if (problem != null) {
                        throw new UsageException(problem, true);
                    }
                }
                case "--help" -> {
                    return Outcome.HELP;
                }
                case "-h", "--host" -> o.host = a.value("Error: -h argument given but no host specified.\n\n");
                case "--insecure" -> o.insecure = true;
                case "-i", "--id" -> {
                    if (o.clientIdPrefix != null) {
                        throw error("Error: -i and -I argument cannot be used together.\n\n");
                    }
                    o.clientId = a.value("Error: -i argument given but no id specified.\n\n");
                }
                case "-I", "--id-prefix" -> {
                    if (o.clientId != null) {
                        throw error("Error: -i and -I argument cannot be used together.\n\n");
                    }
                    o.clientIdPrefix = a.value("Error: -I argument given but no id prefix specified.\n\n");
                }
                case "-k", "--keepalive" -> {
                    o.keepAlive = atoi(a.value("Error: -k argument given but no keepalive specified.\n\n"));
                    if (o.keepAlive < 5 || o.keepAlive > 65_535) {
                        throw error("Error: Invalid keepalive given, it must be between 5 and 65535 inclusive."
                                + "\n\n");
                    }
                }
                case "--key" -> o.keyFile = a.value("Error: --key argument given but no file specified.\n\n");
                case "--keyform" -> o.keyForm = a.value(
                        "Error: --keyform argument given but no keyform specified.\n\n");
                case "-L", "--url" -> url(o, a.value("Error: -L argument given but no URL specified.\n\n"));
                case "-l", "--stdin-line" -> {
                    pubOnly(o, flag);
                    oneMode(o);
                    o.mode = MessageMode.STDIN_LINE;
                }
                case "-m", "--message" -> {
                    pubOnly(o, flag);
                    oneMode(o);
                    o.message = a.value("Error: -m argument given but no message specified.\n\n");
                    o.mode = MessageMode.COMMAND_LINE;
                }
                case "-M" -> {
                    int inflight = atoi(a.value("Error: -M argument given but max_inflight not specified.\n\n"));
                    if (inflight < 1) {
                        throw error("Error: Maximum inflight messages must be greater than 0.\n\n");
                    }
                    o.maxInflight = inflight;
                }
                case "--nodelay" -> {
                    // Paho's sockets already send at once for the small packets these tools write
                }
                case "-n", "--null-message" -> {
                    pubOnly(o, flag);
                    oneMode(o);
                    o.mode = MessageMode.NULL_MESSAGE;
                }
                case "-N" -> {
                    subOnly(o, flag);
                    o.eol = false;
                }
                case "-p", "--port" -> {
                    o.port = atoi(a.value("Error: -p argument given but no port specified.\n\n"));
                    if (o.port < 0 || o.port > 65_535) {
                        throw error("Error: Invalid port given: " + o.port + "\n");
                    }
                }
                case "--pretty" -> {
                    subOnly(o, flag);
                    o.pretty = true;
                }
                case "-P", "--pw" -> o.password = a.value("Error: -P argument given but no password specified.\n\n");
                case "--proxy" -> {
                    o.proxyUrl = a.value("Error: --proxy argument given but no proxy url specified.\n\n");
                    try {
                        ConnectionSetup.proxy(o.proxyUrl);
                    } catch (ConnectionSetup.SetupException e) {
                        throw error(e.getMessage());
                    }
                }
                case "--psk", "--psk-identity" -> o.psk = a.value(
                        "Error: " + flag + " argument given but no key specified.\n\n");
                case "-q", "--qos" -> {
                    o.qos = atoi(a.value("Error: -q argument given but no QoS specified.\n\n"));
                    if (o.qos < 0 || o.qos > 2) {
                        throw error("Error: Invalid QoS given: " + o.qos + "\n");
                    }
                }
                case "--quiet" -> o.quiet = true;
                case "-r", "--retain" -> {
                    pubOnly(o, flag);
                    o.retain = true;
                }
                case "-R" -> {
                    subOnly(o, flag);
                    o.noRetain = true;
                }
                case "--random-filter" -> {
                    subOnly(o, flag);
                    o.randomFilter = (int) (10.0 * atof(a.value(
                            "Error: --random-filter argument given but no chance specified.\n\n")));
                    if (o.randomFilter > 10_000 || o.randomFilter < 1) {
                        throw error("Error: --random-filter chance must be between 0.1-100.0\n\n");
                    }
                }
                case "--remove-retained" -> {
                    subOnly(o, flag);
                    o.removeRetained = true;
                }
                case "--repeat" -> {
                    pubOnly(o, flag);
                    o.repeatCount = atoi(a.value("Error: --repeat argument given but no count specified.\n\n"));
                    if (o.repeatCount < 1) {
                        throw error("Error: --repeat argument must be >0.\n\n");
                    }
                }
                case "--repeat-delay" -> {
                    pubOnly(o, flag);
                    o.repeatDelaySeconds = atof(a.value(
                            "Error: --repeat-delay argument given but no time specified.\n\n"));
                    if (o.repeatDelaySeconds < 0) {
                        throw error("Error: --repeat-delay argument must be >=0.0.\n\n");
                    }
                }
                case "--retain-as-published" -> {
                    subOnly(o, flag);
                    o.ignoredV5.add(flag);
                }
                case "--retained-only" -> {
                    subOnly(o, flag);
                    o.retainedOnly = true;
                }
                case "-s", "--stdin-file" -> {
                    pubOnly(o, flag);
                    oneMode(o);
                    o.mode = MessageMode.STDIN_FILE;
                }
                case "-t", "--topic" -> topic(o, a.value("Error: -t argument given but no topic specified.\n\n"),
                        "-t");
                case "-T", "--filter-out" -> {
                    subOnly(o, flag);
                    String filter = a.value("Error: -T argument given but no topic filter specified.\n\n");
                    if (!Topics.isValidTopicFilter(filter)) {
                        throw error("Error: Invalid filter topic '" + filter
                                + "', are all '+' and '#' wildcards correct?\n");
                    }
                    o.filterOuts.add(filter);
                }
                case "--tls-alpn" -> o.tlsAlpn = a.value(
                        "Error: --tls-alpn argument given but no protocol specified.\n\n");
                case "--tls-engine", "--tls-engine-kpass-sha1" -> throw error("Error: " + flag
                        + " is not supported: Java has no OpenSSL engines; use a PEM key with --key.\n");
                case "--tls-use-os-certs" -> o.tlsUseOsCerts = true;
                case "--tls-version" -> o.tlsVersion = a.value(
                        "Error: --tls-version argument given but no version specified.\n\n");
                case "-U", "--unsubscribe" -> {
                    subOnly(o, flag);
                    String filter = a.value("Error: -U argument given but no unsubscribe topic specified.\n\n");
                    if (!Topics.isValidTopicFilter(filter)) {
                        throw error("Error: Invalid unsubscribe topic '" + filter
                                + "', are all '+' and '#' wildcards correct?\n");
                    }
                    o.unsubscribeTopics.add(filter);
                }
                case "-u", "--username" -> o.username = a.value(
                        "Error: -u argument given but no username specified.\n\n");
                case "--unix" -> o.unixSocket = a.value(
                        "Error: --unix argument given but no socket path specified.\n\n");
                case "-V", "--protocol-version" -> {
                    String version = a.value("Error: --protocol-version argument given but no version specified."
                            + "\n\n");
                    o.protocolVersion = switch (version) {
                        case "mqttv31", "31" -> "mqttv31";
                        case "mqttv311", "311" -> "mqttv311";
                        case "mqttv5", "5" -> throw error("Error: MQTT v5 is not supported yet; use -V mqttv311 "
                                + "(the default) or -V mqttv31.\n");
                        default -> throw error("Error: Invalid protocol version argument given.\n\n");
                    };
                }
                case "-v", "--verbose" -> {
                    subOnly(o, flag);
                    o.verbose = true;
                }
                case "--version" -> {
                    return Outcome.VERSION;
                }
                case "-W" -> {
                    subOnly(o, flag);
                    int timeout = atoi(a.value("Error: -W argument given but no timeout specified.\n\n"));
                    if (timeout < 1) {
                        throw error("Error: Invalid timeout \"" + timeout + "\".\n\n");
                    }
                    o.timeoutSeconds = timeout;
                }
                case "--will-payload" -> o.willPayload = a.value(
                        "Error: --will-payload argument given but no will payload specified.\n\n");
                case "--will-qos" -> {
                    o.willQos = atoi(a.value("Error: --will-qos argument given but no will QoS specified.\n\n"));
                    if (o.willQos < 0 || o.willQos > 2) {
                        throw error("Error: Invalid will QoS " + o.willQos + ".\n\n");
                    }
                }
                case "--will-retain" -> o.willRetain = true;
                case "--will-topic" -> {
                    String will = a.value("Error: --will-topic argument given but no will topic specified.\n\n");
                    if (!Topics.isValidTopicName(will)) {
                        throw error("Error: Invalid will topic '" + will + "', does it contain '+' or '#'?\n");
                    }
                    o.willTopic = will;
                }
                case "-x" -> o.ignoredV5.add("-x " + a.value(
                        "Error: -x argument given but no session expiry interval specified.\n\n"));
                // Skeeter's own options
                case "--profile" -> o.profileName = a.value(
                        "Error: --profile argument given but no profile name specified.\n\n");
                case "--ws-path" -> o.webSocketPath = a.value(
                        "Error: --ws-path argument given but no path specified.\n\n");
                case "--json" -> {
                    subOnly(o, flag);
                    o.json = true;
                }
                case "--record" -> {
                    subOnly(o, flag);
                    o.recordFile = a.value("Error: --record argument given but no file specified.\n\n");
                }
                case "--replay" -> {
                    pubOnly(o, flag);
                    oneMode(o);
                    o.replayFile = a.value("Error: --replay argument given but no file specified.\n\n");
                    o.mode = MessageMode.REPLAY;
                }
                case "--speed" -> {
                    pubOnly(o, flag);
                    o.replaySpeed = atof(a.value("Error: --speed argument given but no speed specified.\n\n"));
                    if (!(o.replaySpeed > 0) || Double.isInfinite(o.replaySpeed)) {
                        throw error("Error: --speed must be a number greater than 0 (2 replays twice as fast)."
                                + "\n\n");
                    }
                }
                case "--max" -> {
                    pubOnly(o, flag);
                    o.replaySpeed = 0;
                }
                default -> throw unknown(flag);
            }
        }
        return Outcome.RUN;
    }

    private static void topic(ClientOptions o, String topic, String which) throws UsageException {
        if (o.tool == Tool.PUB) {
            if (!Topics.isValidTopicName(topic)) {
                throw error("Error: Invalid publish topic '" + topic + "', does it contain '+' or '#'?\n");
            }
            o.topic = topic;
        } else {
            if (!Topics.isValidTopicFilter(topic)) {
                throw error("Error: Invalid subscription topic '" + topic
                        + "', are all '+' and '#' wildcards correct?\n");
            }
            o.topics.add(topic);
        }
    }

    /** {@code mqtt(s)://[user[:password]@]host[:port]/topic}, and Skeeter's {@code ws://} and {@code wss://}. */
    private static void url(ClientOptions o, String url) throws UsageException {
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("mqtt://")) {
            o.transport = "mqtt";
            rest = url.substring(7);
        } else if (lower.startsWith("mqtts://")) {
            o.transport = "mqtts";
            rest = url.substring(8);
        } else if (lower.startsWith("ws://")) {
            o.transport = "ws";
            rest = url.substring(5);
        } else if (lower.startsWith("wss://")) {
            o.transport = "wss";
            rest = url.substring(6);
        } else {
            throw error("Error: unsupported URL scheme.\n\n");
        }
        o.port = null;
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw error("Error: Invalid URL for -L argument specified - topic missing.\n");
        }
        topic(o, rest.substring(slash + 1), "-L topic");
        String authority = rest.substring(0, slash);
        int at = authority.indexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                o.password = userInfo.substring(colon + 1);
                userInfo = userInfo.substring(0, colon);
            }
            o.username = userInfo;
            authority = authority.substring(at + 1);
        }
        int colon = authority.indexOf(':');
        if (colon >= 0) {
            o.port = atoi(authority.substring(colon + 1));
            authority = authority.substring(0, colon);
        }
        o.host = authority;
    }

    private static void pubOnly(ClientOptions o, String flag) throws UsageException {
        if (o.tool != Tool.PUB) {
            throw unknown(flag);
        }
    }

    private static void subOnly(ClientOptions o, String flag) throws UsageException {
        if (o.tool != Tool.SUB) {
            throw unknown(flag);
        }
    }

    private static void oneMode(ClientOptions o) throws UsageException {
        if (o.mode != MessageMode.NONE) {
            throw error("Error: Only one type of message can be sent at once.\n\n");
        }
    }

    private static UsageException unknown(String flag) {
        return error("Error: Unknown option '" + flag + "'.\n");
    }

    private static UsageException error(String text) {
        return new UsageException(text, true);
    }

    /** C's atoi: leading blanks, an optional sign, digits up to the first non-digit; 0 when there are none. */
    static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, negative ? -value : value));
    }

    /** C's atof, for the decimal forms people type: the longest leading number, 0 when there is none. */
    static double atof(String s) {
        String t = s.strip();
        for (int end = t.length(); end > 0; end--) {
            try {
                return Double.parseDouble(t.substring(0, end));
            } catch (NumberFormatException e) {
                // shorter
            }
        }
        return 0;
    }

    /** The arguments left to read. */
    private static final class Args {
        private final List<String> args;
        private int next;

        Args(List<String> args) {
            this.args = args;
        }

        boolean hasNext() {
            return next < args.size();
        }

        String next() {
            return args.get(next++);
        }

        String peek() {
            return args.get(next);
        }

        String value(String missing) throws UsageException {
            if (!hasNext()) {
                throw error(missing);
            }
            return next();
        }
    }
}
