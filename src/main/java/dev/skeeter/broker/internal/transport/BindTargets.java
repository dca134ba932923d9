package dev.skeeter.broker.internal.transport;

import dev.skeeter.broker.ListenerConfig;
import dev.skeeter.broker.ListenerConfig.SocketDomain;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The socket addresses one listener binds, as mosquitto chooses them: loopback when no address is given (the
 * embedding default), {@code 0.0.0.0} for every IPv4 interface only, {@code ::} for every interface, a host name
 * for every address it resolves to (filtered by {@code socket_domain}), an interface for its addresses. Stateless.
 */
public final class BindTargets {
    private BindTargets() {
    }

    /** Throws {@link IllegalArgumentException} saying what cannot be resolved. */
    public static List<InetSocketAddress> of(ListenerConfig listener) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        if (listener.bindInterface() != null) {
            addresses.addAll(interfaceAddresses(listener));
        } else if (listener.bindAddress() == null) {
            addresses.add(InetAddress.getLoopbackAddress());
        } else if (listener.bindAddress().equals("::") && listener.socketDomain() == SocketDomain.IPV4) {
            addresses.add(anyIpv4());
        } else {
            addresses.addAll(resolve(listener));
        }
        List<InetSocketAddress> targets = new ArrayList<>();
        addresses.forEach(a -> targets.add(new InetSocketAddress(a, listener.port())));
        return targets;
    }

    private static List<InetAddress> resolve(ListenerConfig listener) {
        String host = listener.bindAddress();
        // Literal addresses in brackets, as people write IPv6 in URLs.
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> found = new ArrayList<>();
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (fits(address, listener.socketDomain())) {
                    found.add(address);
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the address '" + host + "' of listener "
                    + listener.port() + ": no such host");
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the address '" + host + "' of listener " + listener.port()
                    + " has no " + domainName(listener.socketDomain()) + " address");
        }
        return found;
    }

    private static List<InetAddress> interfaceAddresses(ListenerConfig listener) {
        String name = listener.bindInterface();
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) {
                throw new IllegalArgumentException("listener " + listener.port() + ": there is no network interface '"
                        + name + "'");
            }
            List<InetAddress> found = new ArrayList<>();
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (fits(address, listener.socketDomain())) {
                    found.add(address);
                }
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("listener " + listener.port() + ": the interface '" + name
                        + "' has no " + domainName(listener.socketDomain()) + " address");
            }
            return found;
        } catch (SocketException e) {
            throw new IllegalArgumentException("listener " + listener.port() + ": cannot read the interface '" + name
                    + "': " + e.getMessage());
        }
    }

    private static boolean fits(InetAddress address, SocketDomain domain) {
        return switch (domain) {
            case ANY -> true;
            case IPV4 -> address instanceof Inet4Address;
            case IPV6 -> address instanceof Inet6Address;
        };
    }

    private static String domainName(SocketDomain domain) {
        return domain == SocketDomain.ANY ? "usable" : domain == SocketDomain.IPV4 ? "IPv4" : "IPv6";
    }

    private static InetAddress anyIpv4() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
