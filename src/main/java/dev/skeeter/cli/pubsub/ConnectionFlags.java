package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.CNumbers.atoi;
import static dev.skeeter.cli.pubsub.UsageException.withHint;

import dev.skeeter.mqtt.Topics;

/**
 * The flags mosquitto_pub and mosquitto_sub share: broker address, identity, TLS, will, proxy, protocol version
 * and the MQTT v5 options that are read and ignored, plus Skeeter's {@code --profile} and {@code --ws-path}.
 * Stateless.
 */
final class ConnectionFlags {
    private ConnectionFlags() {
    }

    /** Applies {@code flag} and its value; false when the flag is not a shared one. */
    static boolean apply(ClientOptions o, String flag, FlagArgs a) throws UsageException {
        switch (flag) {
            case "-A" -> o.bindAddress = a.value("Error: -A argument given but no address specified.\n\n");
            case "-c", "--disable-clean-session" -> o.cleanSessionOff = true;
            case "-d", "--debug" -> o.debug = true;
            case "-h", "--host" -> o.host = a.value("Error: -h argument given but no host specified.\n\n");
            case "-i", "--id" -> {
                if (o.clientIdPrefix != null) {
                    throw withHint("Error: -i and -I argument cannot be used together.\n\n");
                }
                o.clientId = a.value("Error: -i argument given but no id specified.\n\n");
            }
            case "-I", "--id-prefix" -> {
                if (o.clientId != null) {
                    throw withHint("Error: -i and -I argument cannot be used together.\n\n");
                }
                o.clientIdPrefix = a.value("Error: -I argument given but no id prefix specified.\n\n");
            }
            case "-k", "--keepalive" -> {
                o.keepAlive = atoi(a.value("Error: -k argument given but no keepalive specified.\n\n"));
                if (o.keepAlive < 5 || o.keepAlive > 65_535) {
                    throw withHint("Error: Invalid keepalive given, it must be between 5 and 65535 inclusive.\n\n");
                }
            }
            case "-L", "--url" -> MqttUrl.apply(o, a.value("Error: -L argument given but no URL specified.\n\n"));
            case "-M" -> {
                int inflight = atoi(a.value("Error: -M argument given but max_inflight not specified.\n\n"));
                if (inflight < 1) {
                    throw withHint("Error: Maximum inflight messages must be greater than 0.\n\n");
                }
                o.maxInflight = inflight;
            }
            case "--nodelay" -> {
                // Paho's sockets already send at once for the small packets these tools write
            }
            case "-p", "--port" -> {
                o.port = atoi(a.value("Error: -p argument given but no port specified.\n\n"));
                if (o.port < 0 || o.port > 65_535) {
                    throw withHint("Error: Invalid port given: " + o.port + "\n");
                }
            }
            case "-P", "--pw" -> o.password = a.value("Error: -P argument given but no password specified.\n\n");
            case "--proxy" -> {
                o.proxyUrl = a.value("Error: --proxy argument given but no proxy url specified.\n\n");
                try {
                    ConnectionSetup.proxy(o.proxyUrl);
                } catch (ConnectionSetup.SetupException e) {
                    throw withHint(e.getMessage());
                }
            }
            case "-q", "--qos" -> {
                o.qos = atoi(a.value("Error: -q argument given but no QoS specified.\n\n"));
                if (o.qos < 0 || o.qos > 2) {
                    throw withHint("Error: Invalid QoS given: " + o.qos + "\n");
                }
            }
            case "--quiet" -> o.quiet = true;
            case "-u", "--username" -> o.username = a.value("Error: -u argument given but no username specified.\n\n");
            case "--unix" -> o.unixSocket = a.value("Error: --unix argument given but no socket path specified.\n\n");
            case "-V", "--protocol-version" -> o.protocolVersion = protocolVersion(a.value(
                    "Error: --protocol-version argument given but no version specified.\n\n"));
            // Skeeter's own
            case "--profile" -> o.profileName = a.value(
                    "Error: --profile argument given but no profile name specified.\n\n");
            case "--ws-path" -> o.webSocketPath = a.value("Error: --ws-path argument given but no path specified.\n\n");
            default -> {
                return TlsFlags.apply(o, flag, a) || willOrV5(o, flag, a);
            }
        }
        return true;
    }

    private static String protocolVersion(String version) throws UsageException {
        return switch (version) {
            case "mqttv31", "31" -> "mqttv31";
            case "mqttv311", "311" -> "mqttv311";
            case "mqttv5", "5" -> throw withHint("Error: MQTT v5 is not supported yet; use -V mqttv311 "
                    + "(the default) or -V mqttv31.\n");
            default -> throw withHint("Error: Invalid protocol version argument given.\n\n");
        };
    }

    private static boolean willOrV5(ClientOptions o, String flag, FlagArgs a) throws UsageException {
        switch (flag) {
            case "--will-payload" -> o.willPayload = a.value(
                    "Error: --will-payload argument given but no will payload specified.\n\n");
            case "--will-qos" -> {
                o.willQos = atoi(a.value("Error: --will-qos argument given but no will QoS specified.\n\n"));
                if (o.willQos < 0 || o.willQos > 2) {
                    throw withHint("Error: Invalid will QoS " + o.willQos + ".\n\n");
                }
            }
            case "--will-retain" -> o.willRetain = true;
            case "--will-topic" -> {
                String will = a.value("Error: --will-topic argument given but no will topic specified.\n\n");
                if (!Topics.isValidTopicName(will)) {
                    throw withHint("Error: Invalid will topic '" + will + "', does it contain '+' or '#'?\n");
                }
                o.willTopic = will;
            }
            case "-D", "--property" -> {
                // MQTT v5 properties: command, identifier and (except for a few) a value
                String missing = "Error: --property argument given but not enough arguments specified.\n\n";
                String command = a.value(missing);
                String identifier = a.value(missing);
                String value = a.hasNext() && !a.peek().startsWith("-") ? a.next() : "";
                o.ignoredV5.add("-D " + command + " " + identifier + (value.isEmpty() ? "" : " " + value));
            }
            case "-x" -> o.ignoredV5.add("-x " + a.value(
                    "Error: -x argument given but no session expiry interval specified.\n\n"));
            default -> {
                return false;
            }
        }
        return true;
    }
}
