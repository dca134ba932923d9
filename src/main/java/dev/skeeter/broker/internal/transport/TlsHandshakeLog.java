package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.internal.BrokerEvents;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import javax.net.ssl.SSLHandshakeException;

/**
 * Logs who was refused at the TLS handshake and why (no certificate, expired, revoked, unknown CA, no common
 * protocol), then leaves the pipeline. One instance per channel, on its event loop.
 */
final class TlsHandshakeLog extends ChannelInboundHandlerAdapter {
    private final BrokerEvents events;
    private final String listener;

    TlsHandshakeLog(BrokerEvents events, String listener) {
        this.events = events;
        this.listener = listener;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                ctx.pipeline().remove(this);
            } else {
                // Stays, to keep the handshake's exception (which follows this event) out of the MQTT handler's log.
                events.warn(null, "Refused TLS client " + ctx.channel().remoteAddress() + " on " + listener + ": "
                        + reason(done.cause()));
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Handshake failures are reported by the completion event above; the connection closes either way.
        if (cause instanceof SSLHandshakeException
                || cause instanceof DecoderException && cause.getCause() instanceof SSLHandshakeException) {
            ctx.close();
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            if (message.startsWith("client certificate '")) {
                return message;
            }
            if (message.contains("Empty client certificate chain") || message.contains("Empty server certificate")
                    || message.contains("certificate_required")) {
                return "no client certificate (require_certificate is true)";
            }
            if (message.contains("No appropriate protocol") || message.contains("protocol_version")) {
                return "no TLS version in common (tls_version): " + message;
            }
        }
        return cause == null ? "handshake failed" : String.valueOf(cause.getMessage());
    }
}
