package dev.skeeter.broker.internal.auth;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;

/**
 * The user name a client certificate gives with {@code use_identity_as_username} (its subject's common name) or
 * {@code use_subject_as_username} (its whole subject in RFC 2253 form, "CN=alice,O=Acme", as mosquitto prints it).
 * Stateless.
 */
public final class CertificateNames {
    private CertificateNames() {
    }

    /** Null when the connection has no verified client certificate, or (for the CN) its subject has no CN. */
    public static String username(ChannelPipeline pipeline, boolean commonName) {
        SslHandler tls = pipeline.get(SslHandler.class);
        if (tls == null) {
            return null;
        }
        try {
            Certificate[] chain = tls.engine().getSession().getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return null;
            }
            X500Principal subject = leaf.getSubjectX500Principal();
            return commonName ? commonName(subject) : subject.getName(X500Principal.RFC2253);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** The first CN in the name's own order (as openssl writes it, /O=Acme/CN=alice), as mosquitto takes it. */
    static String commonName(X500Principal subject) {
        try {
            for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
