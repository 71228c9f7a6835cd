package dev.scout.crawler.internal.guard;

import java.net.UnknownHostException;

/**
 * The address guard refused to connect to {@code host} because it resolves to {@code address}, which is in a
 * blocked range. Extends {@link UnknownHostException} so that OkHttp's {@code Dns} contract can carry it.
 */
public final class AddressRefusedException extends UnknownHostException {
    private final String host;
    private final String address;
    private final String reason;

    public AddressRefusedException(String host, String address, String reason) {
        super(host + " resolves to " + address + " (" + reason + "); refused by the address guard"
                + " — set crawl.allowPrivateAddresses=true only for a crawl of your own network");
        this.host = host;
        this.address = address;
        this.reason = reason;
    }

    public String host() {
        return host;
    }

    public String address() {
        return address;
    }

    /** Which range the address fell in, e.g. {@code loopback}. */
    public String reason() {
        return reason;
    }
}
