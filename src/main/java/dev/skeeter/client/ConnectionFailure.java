package dev.skeeter.client;

import dev.skeeter.certs.CertificateSummary;
import java.util.List;
import java.util.Objects;

/**
 * Why a connection failed or was lost.
 *
 * @param summary     one sentence a person can act on, e.g. "bad user name or password"
 * @param detail      the technical cause (exception chain) for those who want it
 * @param serverChain the certificate chain the server presented, leaf first; empty when there was no TLS
 *                    handshake or it did not get that far
 */
public record ConnectionFailure(String summary, String detail, List<CertificateSummary> serverChain) {
    public ConnectionFailure {
        Objects.requireNonNull(summary, "summary");
        detail = detail == null ? "" : detail;
        serverChain = serverChain == null ? List.of() : List.copyOf(serverChain);
    }
}
