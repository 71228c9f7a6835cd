package dev.scout.crawler.internal.guard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressGuardTest {
    private final AddressGuard guard = new AddressGuard(false, Set.of("lan.example"));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
            "100.127.255.254", "169.254.169.254", "224.0.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::1", "fd12:3456::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1", "255.255.255.255"})
    void refusesNonPublicAddresses(String ip) throws Exception {
        assertThat(guard.refusal("host.example", InetAddress.getByName(ip))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "100.128.0.1", "172.32.0.1", "2606:4700::1111", "8.8.8.8"})
    void allowsPublicAddresses(String ip) throws Exception {
        assertThat(guard.refusal("host.example", InetAddress.getByName(ip))).isEmpty();
    }

    @Test
    void trustedHostMayResolvePrivately() throws Exception {
        assertThat(guard.refusal("LAN.example", InetAddress.getByName("192.168.1.5"))).isEmpty();
    }

    @Test
    void allowPrivateAllowsEverything() throws Exception {
        assertThat(new AddressGuard(true, Set.of()).refusal("x.example", InetAddress.getByName("127.0.0.1"))).isEmpty();
    }

    @Test
    void checksIpLiteralsWithoutDns() {
        assertThatThrownBy(() -> guard.checkLiteral("[::1]")).isInstanceOf(AddressRefusedException.class)
                .hasMessageContaining("loopback").hasMessageContaining("allowPrivateAddresses");
        assertThatThrownBy(() -> guard.checkLiteral("169.254.169.254")).isInstanceOf(AddressRefusedException.class);
    }

    @Test
    void guardedDnsRefusesWhenAnyResolvedAddressIsPrivate() {
        GuardedDns dns = new GuardedDns(host -> java.util.List.of(InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8}),
                InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1})), guard);

        assertThatThrownBy(() -> dns.lookup("rebind.example")).isInstanceOfSatisfying(AddressRefusedException.class,
                e -> assertThat(e.address()).isEqualTo("10.0.0.1"));
    }
}
