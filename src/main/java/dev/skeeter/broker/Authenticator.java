package dev.skeeter.broker;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a CONNECT is accepted. Called on a Netty event loop: an implementation that hashes passwords or
 * reads files must do so on its own executor and complete the stage later; it must never block.
 */
@FunctionalInterface
public interface Authenticator {

    /** Accepts everyone (the default, as mosquitto without a password file on loopback). */
    Authenticator ALLOW_ALL = credentials -> CompletableFuture.completedFuture(Decision.ALLOW);

    CompletionStage<Decision> authenticate(Credentials credentials);

    /** What the broker answers: 0x00, or CONNACK 0x04 (bad user name or password) or 0x05 (not authorised). */
    enum Decision { ALLOW, BAD_CREDENTIALS, NOT_AUTHORISED }

    /** {@code username} and {@code password} are null when the client sent none. */
    record Credentials(String clientId, String username, byte[] password, InetSocketAddress remoteAddress) {
    }
}
