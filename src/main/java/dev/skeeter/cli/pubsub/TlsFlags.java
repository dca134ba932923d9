package dev.skeeter.cli.pubsub;

import static dev.skeeter.cli.pubsub.UsageException.withHint;

/** mosquitto_pub's and mosquitto_sub's TLS flags. Stateless. */
final class TlsFlags {
    private TlsFlags() {
    }

    /** Applies {@code flag} and its value; false when it is not a TLS flag. */
    static boolean apply(ClientOptions o, String flag, FlagArgs a) throws UsageException {
        switch (flag) {
            case "--cafile" -> o.caFile = a.value("Error: --cafile argument given but no file specified.\n\n");
            case "--capath" -> o.caPath = a.value("Error: --capath argument given but no directory specified.\n\n");
            case "--cert" -> o.certFile = a.value("Error: --cert argument given but no file specified.\n\n");
            case "--ciphers" -> o.ciphers = a.value("Error: --ciphers argument given but no ciphers specified.\n\n");
            case "--insecure" -> o.insecure = true;
            case "--key" -> o.keyFile = a.value("Error: --key argument given but no file specified.\n\n");
            case "--keyform" -> o.keyForm = a.value("Error: --keyform argument given but no keyform specified.\n\n");
            case "--psk", "--psk-identity" -> o.psk = a.value(
                    "Error: " + flag + " argument given but no key specified.\n\n");
            case "--tls-alpn" -> o.tlsAlpn = a.value("Error: --tls-alpn argument given but no protocol specified.\n\n");
            case "--tls-engine", "--tls-engine-kpass-sha1" -> throw withHint("Error: " + flag
                    + " is not supported: Java has no OpenSSL engines; use a PEM key with --key.\n");
            case "--tls-use-os-certs" -> o.tlsUseOsCerts = true;
            case "--tls-version" -> o.tlsVersion = a.value(
                    "Error: --tls-version argument given but no version specified.\n\n");
            default -> {
                return false;
            }
        }
        return true;
    }
}
