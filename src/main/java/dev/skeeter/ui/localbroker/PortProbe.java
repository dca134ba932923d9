package dev.skeeter.ui.localbroker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Finds out whether a TCP port is taken, and finds a free one. Blocking (short timeouts): background threads. */
public final class PortProbe {
    private static final int CONNECT_TIMEOUT_MS = 300;

    private PortProbe() {
    }

    /**
     * True when something already listens on the port: either we cannot bind it, or a connection to it succeeds
     * (a broker bound to another address of this machine still answers).
     */
    public static boolean isTaken(String bindAddress, int port) {
        return !canBind(bindAddress, port) || answers(bindAddress, port);
    }

    /** A port that is free right now on the bind address (another program could take it before we do). */
    public static int freePort(String bindAddress) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address(bindAddress), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("No free port on " + bindAddress, e);
        }
    }

    private static boolean canBind(String bindAddress, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(address(bindAddress), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(String bindAddress, int port) {
        try (Socket socket = new Socket()) {
            InetAddress target = address(bindAddress);
            if (target.isAnyLocalAddress()) {
                target = InetAddress.getLoopbackAddress();
            }
            socket.connect(new InetSocketAddress(target, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress address(String bindAddress) {
        try {
            return bindAddress == null || bindAddress.isBlank() ? InetAddress.getLoopbackAddress()
                    : InetAddress.getByName(bindAddress);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Unknown address " + bindAddress, e);
        }
    }
}
