package dev.skeeter.broker;

import java.net.InetSocketAddress;
import java.time.Instant;

/** A connected client as the broker sees it. {@code username} is null for anonymous clients. */
public record ClientInfo(String clientId, InetSocketAddress address, Instant connectedSince, String username) {
}
