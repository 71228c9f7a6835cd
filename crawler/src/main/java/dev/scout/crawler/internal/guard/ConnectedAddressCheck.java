package dev.scout.crawler.internal.guard;

import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Network interceptor that checks the address the connection actually reached before the request is written. It
 * backs up {@link GuardedDns} for the paths that never consult {@code Dns} (IP-literal URLs). Thread-safe.
 */
public final class ConnectedAddressCheck implements Interceptor {
    private final AddressGuard guard;

    public ConnectedAddressCheck(AddressGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null) {
            InetSocketAddress target = connection.route().socketAddress();
            if (target.getAddress() != null) {
                guard.check(chain.request().url().host(), target.getAddress());
            }
        }
        return chain.proceed(chain.request());
    }
}
