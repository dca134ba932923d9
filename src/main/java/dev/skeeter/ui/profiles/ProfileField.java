package dev.skeeter.ui.profiles;

/** The form's validated fields; each has an error property in {@link ProfileFormViewModel}. */
public enum ProfileField {
    NAME, HOST, PORT, WEBSOCKET_PATH, CLIENT_ID, KEEP_ALIVE, CONNECT_TIMEOUT,
    USERNAME, CA_FILE, TRUST_STORE_FILE, CERTIFICATE_FILE, KEY_FILE, KEY_STORE_FILE,
    WILL_TOPIC, PROXY_HOST, PROXY_PORT;

    /** The id of the node that shows this field's error, e.g. {@code error-port}. */
    public String errorId() {
        return "error-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
