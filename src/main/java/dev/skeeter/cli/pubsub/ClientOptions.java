package dev.skeeter.cli.pubsub;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code skeeter pub} and {@code skeeter sub} were asked to do, as mosquitto's tools read it. Connection
 * settings are null when not given, so a {@code --profile} supplies them and explicit flags still win. Filled by
 * {@link OptionParser}; confined to the command's thread.
 */
public final class ClientOptions {
    /** Which tool the options are for: some flags exist for one only. */
    public enum Tool { PUB, SUB }

    /** How pub finds its payload. */
    public enum MessageMode { NONE, COMMAND_LINE, FILE, STDIN_FILE, STDIN_LINE, NULL_MESSAGE, REPLAY }

    final Tool tool;

    // connection
    String host;
    Integer port;
    String transport;           // null, "mqtt", "mqtts", "ws", "wss": from -L or a TLS option
    String webSocketPath;
    String clientId;
    String clientIdPrefix;
    String username;
    String password;
    Integer keepAlive;
    boolean cleanSessionOff;
    String protocolVersion;     // "mqttv31", "mqttv311"
    String profileName;
    String proxyUrl;
    String unixSocket;
    String bindAddress;
    int maxInflight = 20;
    boolean debug;
    boolean quiet;
    final List<String> ignoredV5 = new ArrayList<>();

    // TLS
    String caFile;
    String caPath;
    String certFile;
    String keyFile;
    String keyForm;
    String tlsVersion;
    String tlsAlpn;
    boolean insecure;
    boolean tlsUseOsCerts;
    String ciphers;
    String psk;

    // will
    String willTopic;
    String willPayload;
    int willQos;
    boolean willRetain;

    // shared by pub and sub
    int qos;

    // pub
    String topic;
    MessageMode mode = MessageMode.NONE;
    String message;
    String file;
    boolean retain;
    int repeatCount = 1;
    double repeatDelaySeconds;
    String replayFile;
    double replaySpeed = 1.0;

    // sub
    final List<String> topics = new ArrayList<>();
    final List<String> filterOuts = new ArrayList<>();
    final List<String> unsubscribeTopics = new ArrayList<>();
    boolean verbose;
    boolean eol = true;
    String format;
    boolean pretty;
    int messageCount;
    int timeoutSeconds;
    boolean noRetain;
    boolean retainedOnly;
    boolean removeRetained;
    boolean exitAfterSubscribe;
    int randomFilter = 10_000;  // per ten thousand, as mosquitto keeps it
    boolean json;
    String recordFile;

    public ClientOptions(Tool tool) {
        this.tool = tool;
    }

    public boolean quiet() {
        return quiet;
    }
}
