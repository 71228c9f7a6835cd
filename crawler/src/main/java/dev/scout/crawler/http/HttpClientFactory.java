package dev.scout.crawler.http;

import dev.scout.crawler.internal.guard.AddressGuard;
import dev.scout.crawler.internal.guard.ConnectedAddressCheck;
import dev.scout.crawler.internal.guard.GuardedDns;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

import java.net.Proxy;
import java.util.concurrent.ExecutorService;

/** Builds the one shared OkHttp client from the settings. */
final class HttpClientFactory {
    private HttpClientFactory() {
    }

    static OkHttpClient create(FetcherSettings settings, AddressGuard guard, Dns resolver, ExecutorService executor) {
        Dispatcher dispatcher = new Dispatcher(executor);
        // Our lanes enforce the real limits; OkHttp's own caps (which count by host name, not host:port) must not
        // interfere, so they are set at the global cap.
        dispatcher.setMaxRequests(settings.maxInFlightTotal());
        dispatcher.setMaxRequestsPerHost(settings.maxInFlightTotal());
        String userAgent = settings.userAgent();
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .dns(new GuardedDns(resolver, guard))
                // A proxy would resolve names itself, out of the guard's sight.
                .proxy(Proxy.NO_PROXY)
                .addNetworkInterceptor(new ConnectedAddressCheck(guard))
                .addNetworkInterceptor(new SendDeadline()) // last: nearest to the write
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("User-Agent", userAgent).build()))
                // Redirects are followed by the fetcher so every hop passes robots.txt and the guard again.
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .build();
    }
}
