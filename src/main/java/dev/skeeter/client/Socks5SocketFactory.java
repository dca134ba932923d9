package dev.skeeter.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.SocketFactory;

/**
 * Sockets that reach their destination through a SOCKS5 proxy (RFC 1928), with optional user name and password
 * (RFC 1929). The handshake is done here rather than with {@code java.net.Proxy}, whose SOCKS credentials come from
 * the process-wide {@link java.net.Authenticator}: with several connections open, each must use its own.
 * Host names are handed to the proxy to resolve. Thread-safe; each socket is confined to its user.
 */
public final class Socks5SocketFactory extends SocketFactory {
    private static final int VERSION = 5;
    private static final int NO_AUTH = 0x00;
    private static final int USER_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE_METHOD = 0xFF;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final String proxyHost;
    private final int proxyPort;
    private final String username;
    private final char[] password;

    /** {@code username} null or empty: offer only "no authentication". */
    public Socks5SocketFactory(String proxyHost, int proxyPort, String username, char[] password) {
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.username = username == null || username.isEmpty() ? null : username;
        this.password = password == null ? new char[0] : password.clone();
    }

    @Override
    public Socket createSocket() {
        return new Socks5Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(null, InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(localHost, localPort), InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(null, new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(localAddress, localPort), new InetSocketAddress(address, port));
    }

    /** An unconnected socket from {@link #createSocket()}, bound to {@code local} unless null, then connected. */
    private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    private String proxyName() {
        return proxyHost + ":" + proxyPort;
    }

    /** A plain socket whose connect goes to the proxy and asks it for the real destination. */
    private final class Socks5Socket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new IllegalArgumentException("unsupported address " + endpoint);
            }
            try {
                super.connect(new InetSocketAddress(proxyHost, proxyPort), timeout);
            } catch (IOException e) {
                throw new SocksException("cannot reach the SOCKS proxy " + proxyName() + ": " + e.getMessage(), e);
            }
            int previousTimeout = getSoTimeout();
            setSoTimeout(timeout > 0 ? timeout : HANDSHAKE_TIMEOUT_MILLIS);
            try {
                handshake(getInputStream(), getOutputStream(), target);
            } catch (IOException e) {
                close();
                throw e instanceof SocksException ? e
                        : new SocksException("the SOCKS proxy " + proxyName() + " broke off: " + e.getMessage(), e);
            }
            setSoTimeout(previousTimeout);
        }

        private void handshake(InputStream rawIn, OutputStream out, InetSocketAddress target) throws IOException {
            DataInputStream in = new DataInputStream(rawIn);
            if (username == null) {
                out.write(new byte[] {VERSION, 1, NO_AUTH});
            } else {
                out.write(new byte[] {VERSION, 2, NO_AUTH, USER_PASSWORD});
            }
            out.flush();
            int version = in.readUnsignedByte();
            int method = in.readUnsignedByte();
            if (version != VERSION) {
                throw new SocksException(proxyName() + " is not a SOCKS5 proxy (it answered version " + version + ")");
            }
            if (method == NO_ACCEPTABLE_METHOD) {
                throw new SocksException("the SOCKS proxy " + proxyName() + " accepts none of our authentication "
                        + "methods" + (username == null ? " (it may want a user name and password)" : ""));
            }
            if (method == USER_PASSWORD) {
                authenticate(in, out);
            } else if (method != NO_AUTH) {
                throw new SocksException("the SOCKS proxy " + proxyName() + " chose an unsupported method " + method);
            }
            out.write(connectRequest(target));
            out.flush();
            readReply(in, target);
        }

        /** RFC 1929; the password is never logged nor put into a message. */
        private void authenticate(DataInputStream in, OutputStream out) throws IOException {
            if (username == null) {
                throw new SocksException("the SOCKS proxy " + proxyName() + " wants a user name and password");
            }
            byte[] user = username.getBytes(StandardCharsets.UTF_8);
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] pass = new byte[encoded.remaining()];
            encoded.get(pass);
            Arrays.fill(encoded.array(), (byte) 0);
            int passLength = pass.length;
            if (user.length > 255 || passLength > 255) {
                throw new SocksException("SOCKS user name and password must be at most 255 bytes each");
            }
            ByteBuffer request = ByteBuffer.allocate(3 + user.length + passLength);
            request.put((byte) 1).put((byte) user.length).put(user).put((byte) passLength).put(pass, 0, passLength);
            out.write(request.array());
            out.flush();
            Arrays.fill(pass, (byte) 0);
            in.readUnsignedByte(); // sub-negotiation version
            if (in.readUnsignedByte() != 0) {
                throw new SocksException("the SOCKS proxy " + proxyName() + " rejected the user name or password");
            }
        }

        private byte[] connectRequest(InetSocketAddress target) throws SocksException {
            String host = target.getHostString();
            InetAddress literal = target.isUnresolved() || !isLiteral(host) ? null : target.getAddress();
            ByteBuffer request = ByteBuffer.allocate(262);
            request.put((byte) VERSION).put((byte) 1).put((byte) 0); // CONNECT, reserved
            if (literal != null) {
                request.put((byte) (literal instanceof Inet4Address ? 1 : 4)).put(literal.getAddress());
            } else {
                byte[] name = host.getBytes(StandardCharsets.US_ASCII);
                if (name.length > 255) {
                    throw new SocksException("host name too long for SOCKS5: " + host);
                }
                request.put((byte) 3).put((byte) name.length).put(name);
            }
            request.putShort((short) target.getPort());
            byte[] bytes = new byte[request.position()];
            request.flip().get(bytes);
            return bytes;
        }

        private void readReply(DataInputStream in, InetSocketAddress target) throws IOException {
            in.readUnsignedByte(); // version
            int reply = in.readUnsignedByte();
            in.readUnsignedByte(); // reserved
            int addressType = in.readUnsignedByte();
            int addressLength = switch (addressType) {
                case 1 -> 4;
                case 4 -> 16;
                case 3 -> in.readUnsignedByte();
                default -> throw new SocksException("the SOCKS proxy sent an unknown address type " + addressType);
            };
            in.readFully(new byte[addressLength + 2]); // bound address and port: not needed
            if (reply != 0) {
                throw new SocksException("the SOCKS proxy " + proxyName() + " could not connect to "
                        + target.getHostString() + ":" + target.getPort() + ": " + replyText(reply));
            }
        }
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    static String replyText(int reply) {
        return switch (reply) {
            case 1 -> "general SOCKS server failure";
            case 2 -> "not allowed by the proxy's rules";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "reply code " + reply;
        };
    }
}
