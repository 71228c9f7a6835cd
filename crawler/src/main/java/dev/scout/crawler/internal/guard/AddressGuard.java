package dev.scout.crawler.internal.guard;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether Scout may connect to an address (SSRF guard). Refuses loopback, private (RFC 1918, carrier-grade
 * NAT 100.64/10, unique-local fc00::/7), link-local, multicast, any-local and IPv4-mapped forms of those, unless
 * private addresses are allowed or the host name is explicitly trusted. Immutable and thread-safe.
 */
public final class AddressGuard {
    private final boolean allowPrivate;
    private final Set<String> trustedHosts;

    /**
     * @param allowPrivate  true to allow every address (a crawl of one's own network)
     * @param trustedHosts  host names (lower-case) that may resolve to private addresses even when the guard is on
     */
    public AddressGuard(boolean allowPrivate, Set<String> trustedHosts) {
        this.allowPrivate = allowPrivate;
        this.trustedHosts = Set.copyOf(trustedHosts);
    }

    /** Why {@code address} is refused for {@code host}, or empty when the connection is allowed. */
    public Optional<String> refusal(String host, InetAddress address) {
        if (allowPrivate || trustedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return blockedRange(address);
    }

    /** Throws when {@code address} is refused for {@code host}. */
    public void check(String host, InetAddress address) throws AddressRefusedException {
        Optional<String> why = refusal(host, address);
        if (why.isPresent()) {
            throw new AddressRefusedException(host, address.getHostAddress(), why.get());
        }
    }

    /**
     * Checks a host that is an IP literal (OkHttp does not ask {@code Dns} about literals). Host names pass: they
     * are checked when they are resolved.
     */
    public void checkLiteral(String host) throws AddressRefusedException {
        Optional<InetAddress> literal = parseLiteral(host);
        if (literal.isPresent()) {
            check(host, literal.get());
        }
    }

    static Optional<String> blockedRange(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("any-local");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("carrier-grade NAT");
            }
            if (first == 0 || first >= 240) {
                return Optional.of("reserved");
            }
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local");
            }
            Optional<InetAddress> mapped = embeddedIpv4(b);
            if (mapped.isPresent()) {
                return blockedRange(mapped.get());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible IPv6 address. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return Optional.empty();
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0;
        if (!mapped && !compatible) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always a valid IPv4 address", e);
        }
    }

    /** Parses an IPv4 dotted quad or a bracketed/bare IPv6 literal without any DNS lookup. */
    static Optional<InetAddress> parseLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = h.contains(":") && h.matches("[0-9a-fA-F:.%]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            // getByName does not resolve when given a literal.
            return Optional.of(InetAddress.getByName(h));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
