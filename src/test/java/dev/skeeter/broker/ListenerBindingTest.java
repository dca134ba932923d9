package dev.skeeter.broker;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Where listeners bind, and errors a person can act on when they cannot. */
class ListenerBindingTest {

    @Test
    void anyIpv4AddressBindsIpv4Only() throws Exception {
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, "0.0.0.0").build())) {
            List<InetSocketAddress> bound = broker.start().get(10, SECONDS);

            assertThat(bound).hasSize(1);
            assertThat(bound.get(0).getAddress()).isInstanceOf(Inet4Address.class);
            int port = bound.get(0).getPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                assertThat(socket.isConnected()).isTrue();
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
            assertThatThrownBy(() -> new Socket("::1", port).close()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aHostNameBindsEachOfItsAddressesAndIpv6PrintsInBrackets() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ipv6Loopback(), "no IPv6 loopback on this machine");
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, "::1").build())) {
            List<InetSocketAddress> bound = broker.start().get(10, SECONDS);

            assertThat(Broker.describe(bound.get(0))).isEqualTo("[::1]:" + bound.get(0).getPort());
        }
    }

    @Test
    void aPortInUseNamesTheAddressAndPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             Broker broker = Broker.create(BrokerConfig.builder().listener(taken.getLocalPort(), "127.0.0.1")
                     .build())) {
            assertThatThrownBy(() -> broker.start().get(10, SECONDS)).cause()
                    .isInstanceOf(java.net.BindException.class)
                    .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (mqtt listener): the port is "
                            + "in use (another broker, or another program, listens there)");
        }
    }

    @Test
    void anUnresolvableAddressSaysSo() {
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, "no-such-host.invalid").build())) {
            assertThatThrownBy(() -> broker.start().get(10, SECONDS)).cause()
                    .hasMessage("cannot resolve the address 'no-such-host.invalid' of listener 0: no such host");
        }
    }

    @Test
    void anAddressOfAnotherMachineSaysSo() {
        try (Broker broker = Broker.create(BrokerConfig.builder().listener(0, "192.0.2.1").build())) {
            assertThatThrownBy(() -> broker.start().get(10, SECONDS)).cause()
                    .hasMessageStartingWith("cannot listen on 192.0.2.1:0 (any free port) (mqtt listener): ");
        }
    }

    @Test
    void maxConnectionsClosesConnectionsBeyondTheLimit() throws Exception {
        BrokerConfig config = BrokerConfig.builder()
                .listener(new ListenerConfig(0, "127.0.0.1").withMaxConnections(1)).build();
        try (Broker broker = Broker.create(config)) {
            int port = broker.start().get(10, SECONDS).get(0).getPort();
            try (Socket first = new Socket("127.0.0.1", port); Socket second = new Socket("127.0.0.1", port)) {
                first.getOutputStream().write(new byte[] {0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 1,
                    'a'});
                assertThat(first.getInputStream().readNBytes(4)).containsExactly(0x20, 2, 0, 0);
                second.setSoTimeout(10_000);
                assertThat(second.getInputStream().read()).as("closed by the broker").isEqualTo(-1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> broker.clients().isEmpty());
            try (Socket third = new Socket("127.0.0.1", port)) {
                third.getOutputStream().write(new byte[] {0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 60, 0, 1,
                    'c'});
                assertThat(third.getInputStream().readNBytes(4)).containsExactly(0x20, 2, 0, 0);
            }
        }
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
