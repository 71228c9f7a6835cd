package dev.scout.crawler.internal.guard;

import okhttp3.Dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Dns} that resolves through a delegate and refuses the whole lookup when any resolved address is blocked
 * by the {@link AddressGuard}. Checking at resolution time, for every new connection, means DNS rebinding (a name
 * that resolves to a public address first and a private one later) cannot get past the guard. Thread-safe.
 */
public final class GuardedDns implements Dns {
    private final Dns delegate;
    private final AddressGuard guard;

    public GuardedDns(Dns delegate, AddressGuard guard) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = delegate.lookup(hostname);
        // Refuse if any address is blocked rather than filtering: a name that mixes public and private addresses is
        // a rebinding attempt or a misconfiguration, and either way we should not connect.
        for (InetAddress address : addresses) {
            guard.check(hostname, address);
        }
        return addresses;
    }
}
