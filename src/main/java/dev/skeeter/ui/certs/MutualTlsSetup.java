package dev.skeeter.ui.certs;

import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerTls;
import dev.skeeter.profiles.Profile;
import dev.skeeter.ui.localbroker.LocalBrokerService;
import dev.skeeter.ui.localbroker.PortProbe;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The wizard's one-click finish, without the screen: restarts the local broker with a TLS listener on the new
 * server certificate that requires client certificates from the new CA (as the mosquitto.conf snippet does), and
 * makes the profile that connects to it with the CA and a client certificate. Thread-safe.
 */
public final class MutualTlsSetup {
    /** The profile the finish creates, and updates when run again. */
    public static final String PROFILE_ID = "local-broker-tls";
    public static final String PROFILE_NAME = "Local broker (mutual TLS)";
    private static final String HOST = LocalBrokerService.DEFAULT_BIND_ADDRESS;

    /** The broker now listens on {@code tlsPort} with TLS, and on {@code plainPort} (0 for none) without. */
    public record Started(int tlsPort, int plainPort, List<InetSocketAddress> addresses) {
    }

    private final LocalBrokerService broker;
    private final Executor background;

    public MutualTlsSetup(LocalBrokerService broker, Executor background) {
        this.broker = broker;
        this.background = background;
    }

    /**
     * Restarts the broker: plain TCP stays on {@code plainPort} (the Local broker profile's port) when it is free,
     * TLS goes on {@code tlsPort}, or on a free port when another program holds that one.
     */
    public CompletableFuture<Started> startBroker(CertificateBatch.Result files, int plainPort, int tlsPort) {
        return CompletableFuture.supplyAsync(() -> {
            broker.stop().join(); // frees our own ports before they are probed
            int tls = PortProbe.isTaken(HOST, tlsPort) ? PortProbe.freePort(HOST) : tlsPort;
            boolean plain = plainPort > 0 && plainPort != tls && !PortProbe.isTaken(HOST, plainPort);
            List<ListenerConfig> listeners = new ArrayList<>();
            if (plain) {
                listeners.add(ListenerConfig.mqtt(plainPort, HOST));
            }
            listeners.add(ListenerConfig.mqtt(tls, HOST).withTls(ListenerTls.of(files.serverCertificate(),
                    files.serverKey()).withCaFile(files.caCertificate()).withRequireCertificate(true)
                    .withUseIdentityAsUsername(true)));
            List<InetSocketAddress> bound = broker.restart(listeners).join();
            return new Started(tls, plain ? plainPort : 0, bound);
        }, background);
    }

    /**
     * The mutual-TLS profile for the first client: TLS to 127.0.0.1 (a name in the server certificate, so host
     * names are verified), trusting only the new CA and presenting the client certificate. Keeps the id and
     * anything else of an earlier run's profile.
     */
    public static Profile profile(Optional<Profile> earlier, CertificateBatch.Result files, int tlsPort,
            char[] keyPassphrase) {
        CertificateBatch.ClientFiles client = files.clients().get(0);
        Profile base = earlier.orElseGet(() -> Profile.create(PROFILE_NAME, HOST, tlsPort).toBuilder()
                .id(PROFILE_ID).build());
        String passphrase = keyPassphrase == null || keyPassphrase.length == 0 ? null : new String(keyPassphrase);
        Profile.Tls tls = new Profile.Tls(Profile.TrustSource.CA_FILE, files.caCertificate().toString(), null, null,
                Profile.ClientIdentity.PEM, client.certificate().toString(), client.key().toString(), passphrase,
                null, null, true, base.tls().tlsVersion(), base.tls().alpnProtocols());
        return base.toBuilder().host(HOST).port(tlsPort).transport(Profile.Transport.TLS).tls(tls).build();
    }
}
