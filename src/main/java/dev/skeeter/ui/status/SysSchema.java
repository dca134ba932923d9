package dev.skeeter.ui.status;

/**
 * The {@code $SYS} layouts the Broker Status tab understands, recognised from the topics that arrive.
 * {@link #publishesOnlyChanges} matters for rates: mosquitto (and Skeeter's broker, which copies it) publish a value
 * again only when it changed, so a counter that did not arrive in a round held still; EMQX and HiveMQ publish every
 * value every round, so a missing one is simply not known yet.
 */
public enum SysSchema {
    UNKNOWN("not recognised yet", false),
    MOSQUITTO("mosquitto 2 ($SYS/broker/…)", true),
    EMQX("EMQX 5 ($SYS/brokers/<node>/…)", false),
    HIVEMQ("HiveMQ 3 SYS plugin ($SYS/broker/…)", false);

    private final String label;
    private final boolean publishesOnlyChanges;

    SysSchema(String label, boolean publishesOnlyChanges) {
        this.label = label;
        this.publishesOnlyChanges = publishesOnlyChanges;
    }

    public String label() {
        return label;
    }

    public boolean publishesOnlyChanges() {
        return publishesOnlyChanges;
    }
}
