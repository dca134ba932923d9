package dev.skeeter.cli.pubsub;

/** The {@code --help} texts of {@code skeeter pub} and {@code skeeter sub}: mosquitto's flags, Skeeter's words. */
final class Usage {
    private static final String CONNECTION = """
             -h host       broker host (default localhost)
             -p port       broker port (default 1883, 8883 with TLS, 8080 with ws://, 8081 with wss://)
             -L url        mqtt://, mqtts://, ws:// or wss://[user[:password]@]host[:port]/topic
             --ws-path p   WebSocket path for ws:// and wss:// (default /mqtt)
             --profile n   connect with the app's saved profile n (flags given as well win)
             -i id         client id (default skeeter- and 8 random hex digits); -I prefix: prefix + process id
             -u user       user name; -P password
             -k secs       keepalive (5-65535, default 60)
             -c            persistent session (clean session off; needs -i)
             -V version    mqttv311 (default) or mqttv31
             -q qos        QoS 0, 1 or 2 (default 0)
             --will-topic t  last will topic; --will-payload p, --will-qos q, --will-retain
             --cafile f    CA certificates (PEM) to trust: turns TLS on; --capath dir: a directory of them
             --cert f      client certificate (PEM); --key f: its private key (PEM)
             --insecure    do not check that the server's certificate names the host
             --tls-version tlsv1.3|tlsv1.2|tlsv1.1   oldest TLS version to accept (default tlsv1.2)
             --tls-use-os-certs  trust the system's CA certificates; --tls-alpn p: ALPN protocol
             --proxy socks5h://[user[:password]@]host[:port]   connect through a SOCKS5 proxy
             -d            print what the connection does; --quiet: print no error messages
             --help        this text; --version: the version
            Default options, one a line, are read from %s.
            Not supported: --unix, --psk, --tls-engine, -V mqttv5; MQTT v5 options (-D, -x) are ignored.
            """;

    private Usage() {
    }

    static String pub(String defaultsFile) {
        return """
            skeeter pub publishes a message to an MQTT broker and exits, like mosquitto_pub.

            Usage: skeeter pub [-h host] [-p port] [options] -t topic {-m message | -f file | -s | -l | -n}
                   skeeter pub [-h host] [-p port] [options] --replay file [--speed n | --max]

             -t topic      topic to publish to
             -m message    the message; -f file: a file's bytes; -s: all of stdin; -n: an empty message
             -l            one message a line of stdin
             -r            retain the message
             --repeat n    publish it n times; --repeat-delay secs: pause between them
             -M n          at most n messages awaiting the broker at once (default 20)
             --replay f    publish a recording (from skeeter sub --record or the app) with its timing;
                           --speed n: n times faster; --max: as fast as the broker takes it
            """ + CONNECTION.formatted(defaultsFile);
    }

    static String sub(String defaultsFile) {
        return """
            skeeter sub subscribes to topics and prints the messages it receives, like mosquitto_sub.

            Usage: skeeter sub [-h host] [-p port] [options] -t topic [-t topic ...]

             -t filter     topic filter to subscribe to; may be repeated
             -T filter     do not print messages whose topic matches; may be repeated
             -v            print the topic before each payload
             -F format     print with a format: %t topic, %p payload, %q QoS, %r retain, %m message id,
                           %l length, %x/%X hex payload, %I ISO time, %U Unix time, %j/%J JSON, @ codes of
                           strftime, \\n \\t \\0 escapes (see docs/cli.md)
             --pretty      indent %j and %J output
             -N            no newline after each message
             -C n          exit after n messages; -W secs: exit after secs seconds (exit code 27)
             -E            exit once subscribed; -U filter: unsubscribe from filter (persistent sessions)
             -R            do not print retained messages; --retained-only: only those, exit at the first other
             --remove-retained  clear the retained messages received
             --random-filter pct  print only this percentage of the messages
             --json        one JSON object a line: time, topic, qos, retain, payload (text or base64)
             --record f    also write what is printed to the recording f (replay it with skeeter pub --replay)
            """ + CONNECTION.formatted(defaultsFile);
    }
}
